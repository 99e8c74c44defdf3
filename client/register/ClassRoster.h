#pragma once

#include "store/Result.h"

#include <QString>

#include <vector>

namespace emis::client {

class LocalStore;

// One class of the school as the classes screen lists it: the class record (if the school keeps
// one) and the pupils 在读 placed in it by grade and class name.
struct ClassSummary {
    QString id;           // the classes row; empty for a class only the pupils name
    int grade = 0;
    QString name;
    QString headTeacher;
    int entryYear = 0;
    int pupils = 0;
    int boys = 0;
    int girls = 0;
};

// Every class, by grade then name: the class records, and the (grade, class) pairs of pupils 在读
// that have no class record yet.
Result<std::vector<ClassSummary>> classSummaries(LocalStore &store);

} // namespace emis::client
