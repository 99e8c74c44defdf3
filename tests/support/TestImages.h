#pragma once

// Images for tests of attachments: noise does not compress, so a phone-sized photo of it is well
// over the 2 MB a file may hold, as a real phone's photo is.
#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QRandomGenerator>

namespace emis::testing {

inline QImage noiseImage(int width, int height, QImage::Format format = QImage::Format_RGB32)
{
    QImage image(width, height, format);
    auto *rng = QRandomGenerator::global();
    const quint32 opaque = format == QImage::Format_RGB32 ? 0xff000000u : 0u;
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = rng->generate() | opaque;
    }
    return image;
}

inline QByteArray encodedImage(const QImage &image, const char *format, int quality = -1)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return out;
}

// A phone's photo: 4000 × 3000 at JPEG quality 95, about 3–4 MB.
inline QByteArray phonePhoto() { return encodedImage(noiseImage(4000, 3000), "JPEG", 95); }

} // namespace emis::testing
