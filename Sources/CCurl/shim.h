#ifndef STORYWATCH_CCURL_SHIM_H
#define STORYWATCH_CCURL_SHIM_H
#include <curl/curl.h>
#endif
