//! The CLI's allocator: mimalloc, told to give memory back as soon as it is
//! free.
//!
//! Why not the system's: a corpus of 100 MB makes tens of millions of small
//! allocations on both cores, and with glibc's the analysis of the 108 MB
//! corpus took 4–5 s longer and 50 MB more at its peak (issue 16).
//!
//! Why the two options: with its defaults mimalloc keeps freed pages for a
//! second before it purges them, and commits its arenas eagerly. A small
//! corpus's analysis then peaked 40 % higher than with glibc (195 against
//! 142 MB at 12 MB of input), which `analysis_memory_per_input_byte_is_bounded`
//! catches. Purging at once and committing on demand bring that corpus to
//! 12.5 times its size (glibc's 10.9, the test's bound 16), and the 108 MB
//! corpus 85 MB under glibc's peak. Both options are read whenever mimalloc purges or reserves an
//! arena, so setting them first thing in `main` is in time.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_arena_eager_commit` and `mi_option_purge_delay` in the
/// `mi_option_t` of the mimalloc (v3) that `libmimalloc-sys` pins; the crate
/// names only a few of the options. Were a number wrong, small corpora would
/// peak 40 % higher again, and the memory test would fail.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Sets the options; call before the work starts.
pub fn give_memory_back_early() {
    // SAFETY: mi_option_set only stores a value in mimalloc's option table.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
    }
}
