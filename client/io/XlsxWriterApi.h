#pragma once

#include <QString>

#include <xlsxwriter.h>

namespace emis::io {

// libxlsxwriter, loaded so that it can live in one process with QuaZip.
//
// Why not link it: Debian's libxlsxwriter calls the system libminizip (zipOpen, zipClose, ...),
// and QuaZip exports its own, incompatible copies of the same unversioned minizip symbols. Linked
// together, the first library in the lookup order wins for everyone: libxlsxwriter's zipOpen
// lands in QuaZip's zipOpen3, which takes the path for a QIODevice and crashes (seen in
// workbook_close). Loading libxlsxwriter with RTLD_DEEPBIND makes it and its libminizip bind to
// each other first, while QuaZip keeps its own. So no target that links QuaZip may link
// libxlsxwriter directly: call it through here.
struct XlsxWriterApi {
    // The sanitizer runtimes refuse RTLD_DEEPBIND, so a build of emis_io with AddressSanitizer
    // (the fuzz build) has no Excel export; get() says so, and tests that write .xlsx skip there.
    static bool blockedBySanitizer();

    decltype(&::workbook_new) workbook_new = nullptr;
    decltype(&::workbook_new_opt) workbook_new_opt = nullptr;
    decltype(&::workbook_add_worksheet) workbook_add_worksheet = nullptr;
    decltype(&::workbook_add_format) workbook_add_format = nullptr;
    decltype(&::workbook_close) workbook_close = nullptr;
    decltype(&::format_set_num_format) format_set_num_format = nullptr;
    decltype(&::format_set_bold) format_set_bold = nullptr;
    decltype(&::worksheet_set_column) worksheet_set_column = nullptr;
    decltype(&::worksheet_write_string) worksheet_write_string = nullptr;
    decltype(&::worksheet_write_number) worksheet_write_number = nullptr;
    decltype(&::worksheet_write_datetime) worksheet_write_datetime = nullptr;
    decltype(&::worksheet_freeze_panes) worksheet_freeze_panes = nullptr;
    decltype(&::worksheet_insert_image_buffer_opt) worksheet_insert_image_buffer_opt = nullptr;
    decltype(&::lxw_strerror) lxw_strerror = nullptr;

    // Loaded once; nullptr (and a message in `error`) when the library is missing.
    static const XlsxWriterApi *get(QString *error = nullptr);
};

} // namespace emis::io
