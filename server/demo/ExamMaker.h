#pragma once

#include "DemoCounty.h"

namespace emis::demo {

// The county's 八年级 joint exam (联考) of the autumn term: 语文, 数学 and 英语 of 120 marks,
// 物理, 道德与法治 and 历史 of 100. Each pupil's score comes from the pupil's own level, the
// school's and the subject's, in half points; about one pupil in 70 misses a paper (缺考) and one
// in 300 is exempt (免考). Drawn from streams of its own, so the rest of the county is the same.
void addJointExam(DemoCounty &county);

// The school's score sheet in a teachers' shape: a title row, then 序号, 学籍号, 姓名, 班级, a
// column per subject, 总分 and 班级名次; 缺考 and 免考 written in the cells.
std::string scoreSheetCsv(const DemoCounty &county, std::size_t school);

} // namespace emis::demo
