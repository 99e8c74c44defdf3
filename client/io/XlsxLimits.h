#pragma once

#include <QtGlobal>

namespace emis::io {

// How much an .xlsx may unpack to before the reader refuses it, so that a zip bomb (a few MB
// inflating to gigabytes, or one giant cell) costs seconds and tens of MB, never the machine.
// A real roster is far inside every bound: 5,000 pupils in 30 columns make, as openpyxl writes
// them (inline strings), a sheet part of 8 MB that deflates 9 to 1; as Excel and libxlsxwriter
// write them (shared strings), 6 MB of sheet and 3.5 MB of strings, and 16 MB of sheet with
// 15,000 formatted empty rows below the table, deflating 12 to 1 (tst_xlsxlimits measures these
// and requires a third of each bound and a fifth of the ratio at most).
struct XlsxLimits {
    // One part (a sheet, the shared strings, styles, ...): 4 to 8 times those rosters' sheets.
    static constexpr qint64 kMaxPartBytes = 64LL * 1024 * 1024;
    // All parts read from one workbook together: a full sheet and full shared strings.
    static constexpr qint64 kMaxWorkbookBytes = 128LL * 1024 * 1024;
    // Inflated bytes per compressed byte. Spreadsheet XML deflates about 5 to 20 times; deflate's
    // own ceiling is about 1,030, which is where bombs sit. Only judged once a part passes
    // kRatioFloor: tiny parts pack any way.
    static constexpr qint64 kMaxRatio = 100;
    static constexpr qint64 kRatioFloor = 1LL * 1024 * 1024;
    // Excel's own limit on the text of one cell.
    static constexpr qsizetype kMaxCellChars = 32767;
    // The longest run of bytes inside one tag, or of text between two tags. The longest legal
    // cell, 32,767 characters written as character references (&#x20000;), is about 330 KB;
    // without this bound the XML parser would hold a whole run of whitespace in memory.
    static constexpr qint64 kMaxRunBytes = 1LL * 1024 * 1024;
    // Attributes in one tag: OOXML elements carry at most about 20 (pageSetup, sheetView). The
    // XML parser's time grows with their square: 40,000 in one 390 KB tag took 18 s.
    static constexpr int kMaxAttributes = 64;
};

} // namespace emis::io
