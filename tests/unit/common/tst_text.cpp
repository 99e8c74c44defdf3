// Small text helpers shared by both ends: trimming, full-width folding, JSON writing.
#include "text/JsonWriter.h"
#include "text/TextUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace emis::text;

class TestText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trim_removesIdeographicAndNoBreakSpaces();
    void halfWidth_foldsFullWidthAscii();
    void splitLines_handlesCrLf();
    void json_isValidAndEscaped();
};

void TestText::trim_removesIdeographicAndNoBreakSpaces()
{
    QCOMPARE(std::string(trim("\xE3\x80\x80 张三\t\xC2\xA0")), std::string("张三"));
    QCOMPARE(std::string(trim("   ")), std::string());
    QCOMPARE(std::string(trim("")), std::string());
}

void TestText::halfWidth_foldsFullWidthAscii()
{
    QCOMPARE(toHalfWidth("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBD\x98"), std::string("12x"));  // １２ｘ
    QCOMPARE(toHalfWidth("汉族"), std::string("汉族"));
    QCOMPARE(utf8Length("汉族ab"), std::size_t{4});
}

void TestText::splitLines_handlesCrLf()
{
    const auto lines = splitLines("a,b\r\nc,d\r\n");
    QCOMPARE(lines.size(), std::size_t{2});
    QCOMPARE(std::string(lines[1]), std::string("c,d"));
    QCOMPARE(split("a,,b", ',').size(), std::size_t{3});
}

void TestText::json_isValidAndEscaped()
{
    JsonWriter w;
    w.beginObject()
        .field("name", "学校 \"一\"\n")
        .field("count", 3)
        .field("ratio", 13.5)
        .field("ok", true)
        .key("rows")
        .beginArray()
        .value(1)
        .value("x")
        .null()
        .beginObject()
        .endObject()
        .endArray()
        .endObject();
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(w.str()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QLatin1String("name")).toString(), QString::fromUtf8("学校 \"一\"\n"));
    QCOMPARE(o.value(QLatin1String("count")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("ratio")).toDouble(), 13.5);
    QCOMPARE(o.value(QLatin1String("rows")).toArray().size(), 4);
}

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
