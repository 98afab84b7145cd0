// The deliver stage (libcurl, signatures, retries) arrives with the delivery issue; until then
// developments are recorded in the outbox by `scan` and printed.
