#pragma once

#include "XlsxWriterApi.h"

#include <QTest>

// Tests that write .xlsx need libxlsxwriter: always there, except in a sanitizer build, which
// cannot load it (see XlsxWriterApi.h). Skip only there; anywhere else its absence fails.
#define EMIS_REQUIRE_XLSXWRITER()                                                                   \
    do {                                                                                            \
        if (emis::io::XlsxWriterApi::blockedBySanitizer())                                          \
            QSKIP("libxlsxwriter cannot be loaded under the sanitizers");                           \
        QVERIFY(emis::io::XlsxWriterApi::get());                                                    \
    } while (false)
