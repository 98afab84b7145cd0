// The watch stage (inotify) arrives with the daemon issue; `scan` lists the corpus instead.
