#pragma once

// Valid (and deliberately broken) pupils for client tests.
#include "store/LocalStore.h"
#include "store/RecordRepository.h"
#include "validate/IdNumber.h"

#include <QString>

namespace emis::testing {

// A resident ID number with a correct check character: area 360429, the birth date, a
// three-digit sequence whose last digit's parity gives the sex.
inline QString idNumber(const QString &birthYmd, int seq)
{
    const std::string first17 = "360429" + birthYmd.toStdString() + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0')).toStdString();
    return QString::fromStdString(first17 + emis::validate::idCheckCharacter(first17));
}

inline client::RawFields pupil(const QString &name, int seq)
{
    // Odd seq: a boy.
    return {{QStringLiteral("姓名"), name},
            {QStringLiteral("性别"), seq % 2 ? QStringLiteral("男") : QStringLiteral("女")},
            {QStringLiteral("出生日期"), QStringLiteral("2015-03-15")},
            {QStringLiteral("身份证件号"), idNumber(QStringLiteral("20150315"), seq)},
            {QStringLiteral("年级"), QStringLiteral("三年级")},
            {QStringLiteral("班级"), QStringLiteral("2班")}};
}

inline void enrollForTest(client::LocalStore &store, const QString &device = QStringLiteral("device-a"))
{
    client::DeviceIdentity id{device, QStringLiteral("school-1"), QStringLiteral("3604290001"),
                              QStringLiteral("某小学"), QString()};
    (void)store.setIdentity(id);
}

} // namespace emis::testing
