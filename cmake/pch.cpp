// Translation unit that owns the precompiled header shared through REUSE_FROM.
