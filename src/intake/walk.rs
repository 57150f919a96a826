//! Reading paths from disk for the CLI and `build-site`: files named on the
//! command line, and directory trees walked for their pages.
//!
//! A corpus directory is often a working folder with other things in it:
//! a `.git` with a token in its config, keys, notes, links to system
//! files. A walk therefore reads only what is plainly a page: regular files
//! with a page extension, outside dot-directories, never through a
//! symbolic link (a link may leave the tree, loop back into it, or point at
//! a FIFO or `/dev/zero`), and never more than [`Limits::file_bytes`] of
//! one file. Everything passed over is listed with the reason, so nothing
//! is skipped silently.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Limits, Refusal};

/// Extensions a directory walk reads: pages (text or PDF), zips of pages,
/// passim output.
pub const WALKED_EXTENSIONS: [&str; 6] = ["txt", "md", "pdf", "zip", "json", "jsonl"];

/// Files read from disk, as (name, bytes), and what was passed over, as
/// (path, reason).
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<(String, Vec<u8>)>,
    pub skipped: Vec<(String, Refusal)>,
}

/// Reads every path: a file is read as named (links followed: the user
/// named it), a directory is walked for its pages. An unreadable path is an
/// `Err` with a message, since the user asked for it by name.
pub fn read_paths(paths: &[PathBuf], limits: Limits) -> Result<Walked, String> {
    let mut walked = Walked::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if meta.is_dir() {
            walk_dir(path, limits, &mut walked)?;
        } else if meta.is_file() {
            match read_capped(path, meta.len(), limits) {
                Ok(bytes) => walked.files.push((file_name(path), bytes)),
                Err(why) => walked.skipped.push((path.display().to_string(), why)),
            }
        } else {
            walked.skipped.push((path.display().to_string(), Refusal::NotRegular));
        }
    }
    Ok(walked)
}

/// Walks `root` for pages, in a stable (sorted) order.
pub fn walk_dir(root: &Path, limits: Limits, walked: &mut Walked) -> Result<(), String> {
    let mut hidden = Vec::new();
    let walker = walkdir::WalkDir::new(root).follow_links(false).follow_root_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        let dot = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
        if dot {
            hidden.push(e.path().to_path_buf());
        }
        !dot
    });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.depth() == 0 => return Err(format!("cannot read {}: {e}", root.display())),
            Err(e) => {
                let at = e.path().map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                walked.skipped.push((at, Refusal::Unreadable { detail: e.to_string() }));
                continue;
            }
        };
        let path = entry.path();
        let shown = path.display().to_string();
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if kind.is_symlink() {
            walked.skipped.push((shown, Refusal::LinkInDirectory));
            continue;
        }
        if !kind.is_file() {
            walked.skipped.push((shown, Refusal::NotRegular));
            continue;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if !WALKED_EXTENSIONS.contains(&ext.as_str()) {
            walked.skipped.push((shown, Refusal::NotAPage { extension: (!ext.is_empty()).then_some(ext) }));
            continue;
        }
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
        match read_capped(path, len, limits) {
            Ok(bytes) => walked.files.push((name, bytes)),
            Err(why) => walked.skipped.push((shown, why)),
        }
    }
    // Listed after the walk: filter_entry holds the list while it runs.
    for path in hidden {
        walked.skipped.push((path.display().to_string(), Refusal::Hidden));
    }
    Ok(())
}

/// Reads a regular file of (claimed) length `len`, refusing one over the
/// limit; reading stops one byte past it, in case the file grows.
fn read_capped(path: &Path, len: u64, limits: Limits) -> Result<Vec<u8>, Refusal> {
    let too_large = || Refusal::TooLarge { mb: limits.file_bytes >> 20 };
    if len > limits.file_bytes {
        return Err(too_large());
    }
    let unreadable = |e: std::io::Error| Refusal::Unreadable { detail: e.to_string() };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limits.file_bytes + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > limits.file_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
