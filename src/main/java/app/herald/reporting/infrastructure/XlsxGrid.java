package app.herald.reporting.infrastructure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** One sheet of the workbook filled row by row, left to right, each value in the cell type it really has. */
final class XlsxGrid {

    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Sheet sheet;
    private final Styles styles;
    private int columns;
    private int nextRow;
    private Row row;
    private int column;

    /** @param widths each column's width in characters: measured widths (autoSizeColumn) cost a font scan per cell */
    XlsxGrid(XSSFWorkbook workbook, String name, Styles styles, int... widths) {
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    /** A bold first row that stays in view while scrolling and carries filter buttons once the rows are in. */
    XlsxGrid header(String... names) {
        row();
        for (String name : names) {
            label(name);
        }
        columns = names.length;
        sheet.createFreezePane(0, 1);
        return this;
    }

    XlsxGrid row() {
        row = sheet.createRow(nextRow++);
        column = 0;
        return this;
    }

    XlsxGrid label(String value) {
        Cell cell = row.createCell(column++);
        cell.setCellValue(value);
        cell.setCellStyle(styles.header);
        return this;
    }

    /** Text as text: a cell set this way is never run as a formula, so it needs no CSV-style escaping. */
    XlsxGrid text(String value) {
        Cell cell = row.createCell(column++);
        if (value != null) {
            cell.setCellValue(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
        }
        return this;
    }

    XlsxGrid wrappedText(String value) {
        text(value);
        row.getCell(column - 1).setCellStyle(styles.wrapped);
        return this;
    }

    /** A number, or an empty cell (still formatted) for "not available": an empty cell is not a zero. */
    XlsxGrid number(Number value, CellStyle style) {
        Cell cell = row.createCell(column++);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return this;
    }

    XlsxGrid date(LocalDate value) {
        Cell cell = row.createCell(column++);
        cell.setCellStyle(styles.date);
        if (value != null) {
            cell.setCellValue(value);
        }
        return this;
    }

    XlsxGrid dateTime(LocalDateTime value) {
        Cell cell = row.createCell(column++);
        cell.setCellStyle(styles.dateTime);
        if (value != null) {
            cell.setCellValue(value);
        }
        return this;
    }

    void finish() {
        if (columns > 0 && nextRow > 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, nextRow - 1, 0, columns - 1));
        }
    }

    /** The workbook's cell styles, made once: a workbook holds a limited number of them. */
    static final class Styles {

        final CellStyle header;
        final CellStyle wrapped;
        final CellStyle count;
        final CellStyle percent;
        final CellStyle change;
        final CellStyle money;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(XSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            count = formatted(workbook, formats, "#,##0");
            percent = formatted(workbook, formats, "0.0%");
            change = formatted(workbook, formats, "+0.0%;-0.0%;0.0%");
            money = formatted(workbook, formats, "#,##0.00");
            date = formatted(workbook, formats, "yyyy-mm-dd");
            dateTime = formatted(workbook, formats, "yyyy-mm-dd hh:mm");
        }

        private static CellStyle formatted(XSSFWorkbook workbook, DataFormat formats, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(format));
            return style;
        }
    }
}
