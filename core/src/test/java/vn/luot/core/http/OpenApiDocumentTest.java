package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The whole API description, read by a maintained OpenAPI 3 parser, not only its list of routes. */
@DisplayName("api/openapi.yaml is valid OpenAPI 3")
class OpenApiDocumentTest {

    @Test
    @DisplayName("swagger-parser reads the whole document without one error or warning, every reference resolved")
    void validDocument() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/api/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/tickets", "/api/v1/auth/logout");
    }
}
