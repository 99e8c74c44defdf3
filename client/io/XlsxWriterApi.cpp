#include "XlsxWriterApi.h"

#include <QCoreApplication>

#if defined(__linux__)
#include <dlfcn.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define EMIS_XLSXWRITER_BLOCKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EMIS_XLSXWRITER_BLOCKED 1
#endif
#endif

namespace emis::io {

bool XlsxWriterApi::blockedBySanitizer()
{
#ifdef EMIS_XLSXWRITER_BLOCKED
    return true;
#else
    return false;
#endif
}

namespace {

struct Loaded {
    XlsxWriterApi api;
    QString error;
    bool ok = false;
};

#if defined(__linux__)
// The soname: libxlsxwriter's .pc calls it version 4 (see PLATFORM.md).
constexpr const char *kLibraries[] = {"libxlsxwriter.so.4", "libxlsxwriter.so"};

template <typename F>
bool resolve(void *handle, const char *name, F &slot)
{
    slot = reinterpret_cast<F>(dlsym(handle, name));
    return slot != nullptr;
}

Loaded load()
{
    Loaded l;
    if (XlsxWriterApi::blockedBySanitizer()) {
        l.error = QStringLiteral("Excel export is not available in a sanitizer build (RTLD_DEEPBIND).");
        return l;
    }
    void *handle = nullptr;
    for (const char *name : kLibraries)
        if ((handle = dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)))
            break;
    if (!handle) {
        l.error = QCoreApplication::translate("emis::io::XlsxWriterApi",
                                              "Excel export is not available: libxlsxwriter is not installed (%1).")
                      .arg(QString::fromLocal8Bit(dlerror()));
        return l;
    }
    auto &a = l.api;
    const bool all = resolve(handle, "workbook_new", a.workbook_new) &&
                     resolve(handle, "workbook_new_opt", a.workbook_new_opt) &&
                     resolve(handle, "workbook_add_worksheet", a.workbook_add_worksheet) &&
                     resolve(handle, "workbook_add_format", a.workbook_add_format) &&
                     resolve(handle, "workbook_close", a.workbook_close) &&
                     resolve(handle, "format_set_num_format", a.format_set_num_format) &&
                     resolve(handle, "format_set_bold", a.format_set_bold) &&
                     resolve(handle, "worksheet_set_column", a.worksheet_set_column) &&
                     resolve(handle, "worksheet_write_string", a.worksheet_write_string) &&
                     resolve(handle, "worksheet_write_number", a.worksheet_write_number) &&
                     resolve(handle, "worksheet_write_datetime", a.worksheet_write_datetime) &&
                     resolve(handle, "worksheet_freeze_panes", a.worksheet_freeze_panes) &&
                     resolve(handle, "worksheet_insert_image_buffer_opt", a.worksheet_insert_image_buffer_opt) &&
                     resolve(handle, "lxw_strerror", a.lxw_strerror);
    if (!all) {
        l.error = QCoreApplication::translate("emis::io::XlsxWriterApi",
                                              "Excel export is not available: this libxlsxwriter is too old.");
        return l;  // the handle stays loaded: harmless, and never unloaded under a caller
    }
    l.ok = true;
    return l;
}
#else
// Elsewhere (Windows DLLs) symbols bind per library and there is no clash: link directly.
Loaded load()
{
    Loaded l;
    l.api = XlsxWriterApi{&::workbook_new, &::workbook_new_opt, &::workbook_add_worksheet, &::workbook_add_format,
                          &::workbook_close, &::format_set_num_format, &::format_set_bold, &::worksheet_set_column,
                          &::worksheet_write_string, &::worksheet_write_number, &::worksheet_write_datetime,
                          &::worksheet_freeze_panes, &::worksheet_insert_image_buffer_opt, &::lxw_strerror};
    l.ok = true;
    return l;
}
#endif

} // namespace

const XlsxWriterApi *XlsxWriterApi::get(QString *error)
{
    static const Loaded loaded = load();  // thread-safe once
    if (!loaded.ok && error)
        *error = loaded.error;
    return loaded.ok ? &loaded.api : nullptr;
}

} // namespace emis::io
