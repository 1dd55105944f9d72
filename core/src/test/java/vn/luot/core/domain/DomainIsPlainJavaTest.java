package vn.luot.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The domain is plain Java")
class DomainIsPlainJavaTest {

    @Test
    @DisplayName("No class of the domain package imports Vert.x, Netty, SQL or Jackson")
    void noFrameworkImports() throws IOException {
        Path domain = Path.of("src/main/java/vn/luot/core/domain");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(domain)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(DomainIsPlainJavaTest::importsAFramework)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(domain).isDirectory();
        assertThat(offenders).isEmpty();
    }

    private static boolean importsAFramework(Path source) {
        try {
            return Files.readAllLines(source).stream().anyMatch(line -> line.startsWith("import io.vertx")
                    || line.startsWith("import io.netty") || line.startsWith("import java.sql")
                    || line.startsWith("import com.fasterxml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
