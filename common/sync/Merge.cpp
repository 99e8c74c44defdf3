#include "sync/Merge.h"

namespace emis::sync {

FieldMerge mergeField(const Hlc &current, const Hlc &incoming, bool concurrent, bool valuesDiffer)
{
    FieldMerge m;
    m.takeIncoming = current.isZero() || incoming > current;
    m.conflict = concurrent && valuesDiffer && !current.isZero() && current.device != incoming.device;
    return m;
}

} // namespace emis::sync
