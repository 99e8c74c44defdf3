#pragma once

#include "ExpectedFigures.h"

#include <QJsonObject>

#include <functional>
#include <map>
#include <string>

// The demo county's equipment against the equipment reports, school by school and in total:
// equipment (the ratios' parts and who falls short), equipment_replacement on the demo's day for
// its plan years, equipment_usage through its spring term. `report` asks the server for one.
using ReportFn = std::function<QJsonObject(const char *name, const std::map<std::string, std::string> &params)>;
void checkEquipment(ExpectedFigures &expected, const ReportFn &report);
