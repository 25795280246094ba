#ifndef NAAS_CLIBSSH_SHIM_H
#define NAAS_CLIBSSH_SHIM_H
#include <libssh/libssh.h>
#endif
