//! How freed memory goes back to the system.
//!
//! glibc's allocator keeps freed memory at the top of its heap for reuse until more than a
//! threshold is free, and raises that threshold (up to 64 MB) each time a large block is
//! freed. krant frees large blocks as a matter of course: the start of a large article when the
//! whole replaces it, each batch's working memory when its analysis ends. With the threshold
//! fixed at a small size, that memory goes back instead of raising the peak (about 6 MB on a
//! 50 MB article; see `docs/speed.md`).

/// Fixes the allocator's trim threshold; call once, before anything large is allocated.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of the allocator; called before other
    // threads start.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 << 10);
    }
}
