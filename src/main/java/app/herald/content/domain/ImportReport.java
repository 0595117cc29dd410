package app.herald.content.domain;

import java.io.Serializable;
import java.util.List;

/** The result of checking an import file: the rows that would be imported and every problem, by line. */
public record ImportReport(List<ImportRow> rows, List<Problem> problems) implements Serializable {

    public record Problem(int line, String reason) implements Serializable {
    }

    public ImportReport {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public boolean isImportable() {
        return problems.isEmpty() && !rows.isEmpty();
    }
}
