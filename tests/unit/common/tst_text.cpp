// Small text helpers shared by both ends: trimming, full-width folding, JSON writing.
#include "text/JsonReader.h"
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
    void jsonReader_readsWhatTheWriterWrites();
    void jsonReader_refusesBrokenText();
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

void TestText::jsonReader_readsWhatTheWriterWrites()
{
    JsonWriter w;
    w.beginObject()
        .field("name", "学校 \"一\"\n\\")
        .field("count", -3)
        .field("ratio", 15.87)
        .field("ok", false)
        .key("rows")
        .beginArray()
        .null()
        .beginObject()
        .field("k", 1)
        .endObject()
        .endArray()
        .endObject();
    const auto doc = parseJson(w.str());
    QVERIFY(doc);
    QCOMPARE(int(doc->kind), int(JsonValue::Kind::Object));
    QCOMPARE(doc->keys, (std::vector<std::string>{"name", "count", "ratio", "ok", "rows"}));  // in order
    QCOMPARE(doc->find("name")->text, std::string("学校 \"一\"\n\\"));
    QCOMPARE(doc->find("count")->text, std::string("-3"));
    QCOMPARE(doc->find("ratio")->text, std::string("15.87"));  // as written
    QVERIFY(!doc->find("ok")->boolean);
    QCOMPARE(doc->find("rows")->items.size(), std::size_t{2});
    QCOMPARE(int(doc->find("rows")->items[0].kind), int(JsonValue::Kind::Null));
    QCOMPARE(doc->find("rows")->items[1].find("k")->text, std::string("1"));
    QVERIFY(!doc->find("missing"));
    // \u escapes, a surrogate pair among them.
    QCOMPARE(parseJson("\"\\u6c49\\ud840\\udc00\"")->text, std::string("汉\xF0\xA0\x80\x80"));
    QCOMPARE(parseJson(" [1e3, 0.5] ")->items[0].text, std::string("1e3"));
}

void TestText::jsonReader_refusesBrokenText()
{
    for (const char *bad : {"", "{", "{\"a\" 1}", "[1,]", "[1 2]", "tru", "\"open", "01x", "{\"a\":1} x", "-", "1.",
                            "\"\\ud840\"", "\"\\q\""})
        QVERIFY2(!parseJson(bad), bad);
    QVERIFY(!parseJson(std::string(100, '[') + std::string(100, ']')));  // too deep
    QVERIFY(parseJson(std::string(60, '[') + std::string(60, ']')));
}

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
