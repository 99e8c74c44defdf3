#pragma once

#include "DemoCounty.h"

namespace emis::demo {

// Gives the county's schools their equipment: rooms (a computer room, the labs of their stages,
// a library), an asset register (the rooms' computers, a computer for most teachers, a 班班通 set
// for nearly every class, servers, printers, projectors, air conditioners, desks), bought from
// 2012 on so that some are past their service life, the 领用 and 送修 moves behind the register,
// and the use of computer rooms and labs through the spring term. Drawn from streams of its own,
// so the rest of the county is the same with or without it.
void addEquipment(DemoCounty &county);

} // namespace emis::demo
