#ifndef STORYWATCH_CCURL_SHIM_H
#define STORYWATCH_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot
// call: one typed wrapper per argument type. The constants below are macros Swift does not import.

static const long sw_curl_global_default = CURL_GLOBAL_DEFAULT;
static const long sw_curl_error_size = CURL_ERROR_SIZE;
static const long sw_curl_http_version_2tls = CURL_HTTP_VERSION_2TLS;
static const long sw_curlpipe_multiplex = CURLPIPE_MULTIPLEX;

typedef size_t (*sw_curl_data_callback)(char *data, size_t size, size_t count, void *user);

static inline CURLcode sw_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sw_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sw_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sw_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sw_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sw_easy_setopt_callback(CURL *handle, CURLoption option, sw_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sw_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode sw_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode sw_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode sw_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// The easy handle and result of a CURLMSG_DONE message (the union is awkward from Swift).
static inline CURL *sw_msg_easy(CURLMsg *msg) { return msg->easy_handle; }
static inline int sw_msg_is_done(CURLMsg *msg) { return msg->msg == CURLMSG_DONE; }
static inline CURLcode sw_msg_result(CURLMsg *msg) { return msg->data.result; }

#endif
