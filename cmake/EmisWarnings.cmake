# Warnings are errors on our own code; generated code (protobuf) is built without this.
function(emis_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wcast-align -Woverloaded-virtual -Werror)
endfunction()

# Qt habits shared by every Qt target of ours.
function(emis_qt_defaults target)
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
                                               QT_USE_QSTRINGBUILDER)
endfunction()
