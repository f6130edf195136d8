package org.creditmesh.scoring.server;

import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every value of every table of the service's database as text, by {@code table.column}. */
final class DatabaseContents {

    /** The registry's copies of the uploaded model files: compared byte for byte with the upload, not searched. */
    static final Set<String> MODEL_FILES = Set.of("scoring_model.scorecard_json", "scoring_model.provenance_json", "scoring_model.tribuo_model");

    private DatabaseContents() {
    }

    static Map<String, List<String>> read(AgroalDataSource dataSource) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select * from \"" + table + "\"")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object v = r.getObject(i);
                            String text = v == null ? "" : v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
                            out.computeIfAbsent(table + "." + r.getMetaData().getColumnName(i), k -> new ArrayList<>()).add(text);
                        }
                    }
                }
            }
        }
        return out;
    }
}
