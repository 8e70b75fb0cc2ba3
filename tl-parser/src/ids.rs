//! Constructor ids: canonical forms and CRC32 under both rule sets. (Placeholder: being written.)
