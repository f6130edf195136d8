package org.creditmesh.scoring.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLoaderTest {

    private static CreditData parse(String csv) throws DataException {
        return CsvLoader.parse(csv.getBytes(StandardCharsets.UTF_8), CsvOptions.of("y", "bad"));
    }

    private static DataException refusal(String csv) {
        try {
            parse(csv);
        } catch (DataException e) {
            return e;
        }
        throw new AssertionError("accepted: " + csv);
    }

    @Test
    void typesColumnsAsNumericOrCategoricalAndReadsNaAndEmptyAsMissing() throws DataException {
        CreditData d = parse("amount,home,y\n100,own,good\nNA,rent,bad\n,NA,good\n2.5e3,own,bad\n");
        assertThat(d.rows()).isEqualTo(4);
        assertThat(d.column("amount").orElseThrow()).isInstanceOf(NumericColumn.class);
        assertThat(d.column("home").orElseThrow()).isInstanceOf(CategoricalColumn.class);
        NumericColumn amount = (NumericColumn) d.column("amount").orElseThrow();
        assertThat(amount.isMissing(1)).isTrue();
        assertThat(amount.isMissing(2)).isTrue();
        assertThat(amount.value(3)).isEqualTo(2500.0);
        assertThat(d.column("home").orElseThrow().isMissing(2)).isTrue();
        assertThat(d.columns()).extracting(Column::name).containsExactly("amount", "home");
    }

    @Test
    void theBadValuePicksTheBadClass() throws DataException {
        byte[] csv = "x,y\n1,yes\n2,no\n3,no\n".getBytes(StandardCharsets.UTF_8);
        CreditData yesBad = CsvLoader.parse(csv, CsvOptions.of("y", "yes"));
        CreditData noBad = CsvLoader.parse(csv, CsvOptions.of("y", "no"));
        assertThat(yesBad.badFlags()).containsExactly(1, 0, 0);
        assertThat(noBad.badFlags()).containsExactly(0, 1, 1);
        assertThat(noBad.goodValue()).isEqualTo("yes");
    }

    @Test
    void hashesTheBytesItRead() throws DataException {
        CreditData d = parse("x,y\n1,good\n2,bad\n");
        assertThat(d.sha256()).isEqualTo(CsvLoader.sha256("x,y\n1,good\n2,bad\n".getBytes(StandardCharsets.UTF_8))).hasSize(64);
    }

    @Test
    void refusesATableWithoutTheTargetColumn() {
        DataException e = refusal("a,b\n1,2\n");
        assertThat(e.code()).isEqualTo(DataError.MISSING_TARGET_COLUMN);
        assertThat(e.getMessage()).contains("'y'");
    }

    @Test
    void refusesATargetWithOneValue() {
        DataException e = refusal("x,y\n1,bad\n2,bad\n");
        assertThat(e.code()).isEqualTo(DataError.TARGET_NOT_BINARY);
        assertThat(e.getMessage()).contains("1 distinct");
    }

    @Test
    void refusesATargetWithThreeValues() {
        DataException e = refusal("x,y\n1,bad\n2,good\n3,ugly\n");
        assertThat(e.code()).isEqualTo(DataError.TARGET_NOT_BINARY);
        assertThat(e.getMessage()).contains("3 distinct");
    }

    @Test
    void refusesARowWhoseTargetIsMissing() {
        DataException e = refusal("x,y\n1,bad\n2,NA\n3,good\n");
        assertThat(e.code()).isEqualTo(DataError.MISSING_TARGET_VALUE);
        assertThat(e.getMessage()).contains("row 2");
    }

    @Test
    void refusesABadValueThatIsNotATargetValue() {
        assertThatThrownBy(() -> CsvLoader.parse("x,y\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8), CsvOptions.of("y", "bad")))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.code()).isEqualTo(DataError.UNKNOWN_BAD_VALUE));
    }

    @Test
    void refusesAColumnWhoseEveryValueIsMissing() {
        DataException e = refusal("x,empty,y\n1,NA,bad\n2,,good\n");
        assertThat(e.code()).isEqualTo(DataError.ALL_MISSING_COLUMN);
        assertThat(e.getMessage()).contains("'empty'");
    }

    @Test
    void refusesTextInANumericColumnNamingRowAndColumn() {
        StringBuilder csv = new StringBuilder("amount,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i == 17 ? "12O" : String.valueOf(i * 10)).append(i % 2 == 0 ? ",good\n" : ",bad\n");
        }
        DataException e = refusal(csv.toString());
        assertThat(e.code()).isEqualTo(DataError.NON_NUMERIC_VALUE);
        assertThat(e.getMessage()).contains("row 18").contains("'amount'");
    }

    @Test
    void refusesTextInAColumnDeclaredNumeric() {
        byte[] csv = "code,y\nA1,good\nA2,bad\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvLoader.parse(csv, CsvOptions.of("y", "bad").withTypes(List.of("code"), List.of())))
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.code()).isEqualTo(DataError.NON_NUMERIC_VALUE);
                    assertThat(e.getMessage()).contains("row 1").contains("'code'");
                });
    }

    @Test
    void readsADeclaredCategoricalColumnOfNumbersAsLevels() throws DataException {
        byte[] csv = "zip,y\n1010,good\n2020,bad\n".getBytes(StandardCharsets.UTF_8);
        CreditData d = CsvLoader.parse(csv, CsvOptions.of("y", "bad").withTypes(List.of(), List.of("zip")));
        assertThat(d.column("zip").orElseThrow()).isInstanceOf(CategoricalColumn.class);
    }

    @Test
    void refusesARowWithTheWrongNumberOfFields() {
        DataException e = refusal("x,y\n1,good\n2,bad,extra\n");
        assertThat(e.code()).isEqualTo(DataError.MALFORMED_CSV);
        assertThat(e.getMessage()).contains("row 2");
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRows() {
        assertThat(refusal("").code()).isEqualTo(DataError.EMPTY_TABLE);
        assertThat(refusal("x,y\n").code()).isEqualTo(DataError.EMPTY_TABLE);
    }

    @Test
    void refusesRepeatedColumnNames() {
        assertThat(refusal("x,x,y\n1,2,good\n").code()).isEqualTo(DataError.DUPLICATE_COLUMN);
    }

    @Test
    void refusesAFileThatCannotBeRead() {
        assertThatThrownBy(() -> CsvLoader.load(Path.of("/nonexistent/credit.csv"), CsvOptions.of("y", "bad")))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.code()).isEqualTo(DataError.UNREADABLE_FILE));
    }
}
