#pragma once

#include "EquipmentTruth.h"

#include <QJsonArray>
#include <QJsonObject>

// The demo county's joint exam against what a bureau officer and a school see: the exam as
// `emisctl exam list --json` lists it (`exams`), exam_analysis by county, township and school
// over the protocol (`report`), and one school's own `emis-cli analysis --by subject --json`
// (`schoolAnalysis`, for the school `schoolCode`), figure by figure.
void checkExam(ExpectedFigures &expected, const QJsonArray &exams, const ReportFn &report, const QString &schoolCode,
               const QJsonObject &schoolAnalysis);
// The county's exam id in `exams`, empty when there is none.
QString countyExamId(const ExpectedFigures &expected, const QJsonArray &exams);
