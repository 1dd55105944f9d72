package vn.luot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bench reads the group commits' batch sizes of a step from the server's /metrics")
class BatchSizesTest {
    private static String metrics(int upTo1, int upTo2, int upTo4, int upTo8, int count, int sum) {
        return "# TYPE luot_issue_batch_size histogram\n"
                + "luot_issue_batch_size_bucket{le=\"1.0\"} " + upTo1 + "\n"
                + "luot_issue_batch_size_bucket{le=\"2.0\"} " + upTo2 + "\n"
                + "luot_issue_batch_size_bucket{le=\"4.0\"} " + upTo4 + "\n"
                + "luot_issue_batch_size_bucket{le=\"8.0\"} " + upTo8 + "\n"
                + "luot_issue_batch_size_bucket{le=\"+Inf\"} " + count + "\n"
                + "luot_issue_batch_size_count " + count + "\n"
                + "luot_issue_batch_size_sum " + sum + "\n";
    }

    @Test
    @DisplayName("Only the batches of the step count: their number, mean size, and the bucket bounds holding half and 99 % of them")
    void differenceOfTheStep() {
        String before = metrics(10, 10, 10, 10, 10, 10);              // 10 lone tickets before the step
        String after = metrics(10 + 20, 10 + 60, 10 + 99, 10 + 100, 110, 10 + 300);

        BatchSizes step = BatchSizes.between(before, after);

        assertThat(step.batches()).isEqualTo(100);
        assertThat(step.mean()).isEqualTo(3.0);
        assertThat(step.p50()).isEqualTo(2.0);
        assertThat(step.p99()).isEqualTo(4.0);
    }

    @Test
    @DisplayName("A step without batches (a server without group commit) reads as none")
    void noBatches() {
        assertThat(BatchSizes.between("", "").batches()).isZero();
    }
}
