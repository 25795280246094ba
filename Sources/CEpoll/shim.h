// Linux's readiness API, which the device reactor is built on.
#include <sys/epoll.h>
#include <sys/eventfd.h>
