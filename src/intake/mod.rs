//! Intake: what a user hands over, sorted into pages to analyze, passim
//! output to show instead of computed passages, and files refused with a
//! reason. The app, the CLI and `build-site` all take files in here, so a
//! zip, a passim file or two files of the same name mean the same thing in
//! every front end.
//!
//! Everything here is bounded: a zip member is read in a stream and
//! refused once it passes [`Limits::file_bytes`], an archive stops
//! expanding at [`Limits::total_bytes`], and names are made unique in
//! linear time. Nothing is dropped without a line in [`Intake::rejected`].
//!
//! [`walk`] (native only) turns paths and directory trees into the
//! `(name, bytes)` pairs this module takes.

use std::collections::{HashMap, HashSet};
use std::io::Read;

mod refusal;

pub use refusal::{BinaryKind, Refusal};

#[cfg(not(target_arch = "wasm32"))]
pub mod walk;

/// What a user handed over, sorted.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Intake {
    /// Page dumps to analyze, as (unique id, bytes).
    pub documents: Vec<(String, Vec<u8>)>,
    /// PDFs, as (unique id, bytes), for the front end's PDF reader
    /// ([`Intake::read_pdfs`] natively; the worker's shell hands them to
    /// pdf.js).
    pub pdfs: Vec<(String, Vec<u8>)>,
    /// PDFs read into positioned text, as (unique id, pages).
    pub positioned: Vec<(String, crate::positioned::PositionedDocument)>,
    /// passim output files (JSON Lines), as (unique name, bytes).
    pub passim: Vec<(String, Vec<u8>)>,
    /// Files that cannot be used, each with why.
    pub rejected: Vec<(String, Refusal)>,
}

impl Intake {
    /// Reads every PDF with `read` (an extractor outside the engine), on
    /// every core with the `parallel` feature: a PDF it reads joins
    /// [`Intake::positioned`], one it cannot is refused with its reason.
    pub fn read_pdfs(&mut self, read: impl Fn(&[u8]) -> Result<crate::positioned::PositionedDocument, Refusal> + Sync) {
        let pdfs = std::mem::take(&mut self.pdfs);
        for (id, result) in crate::parallel::map(pdfs, |(id, bytes)| {
            let result = read(&bytes);
            (id, result)
        }) {
            match result {
                Ok(doc) => self.positioned.push((id, doc)),
                Err(why) => self.rejected.push((id, why)),
            }
        }
    }

    /// Are there pages to analyse (text or PDF, read or not yet)?
    pub fn has_pages(&self) -> bool {
        !self.documents.is_empty() || !self.positioned.is_empty() || !self.pdfs.is_empty()
    }

    /// One line that says why nothing could be used, for a front end that
    /// has nothing to show: every refusal, not just "no pages".
    pub fn why_empty(&self) -> String {
        if self.rejected.is_empty() {
            return "no pages were given (tongwen reads .txt, .md, .pdf, .zip of those, and passim .json)".to_owned();
        }
        let reasons: Vec<String> = self.rejected.iter().map(|(name, why)| format!("{name}: {why}")).collect();
        format!("no readable pages: {}", reasons.join("; "))
    }
}

/// How much one intake may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest single file or zip member, in bytes.
    pub file_bytes: u64,
    /// Largest total a zip archive may expand to, in bytes.
    pub total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { file_bytes: 200 << 20, total_bytes: 1 << 30 }
    }
}

/// What a file that is not text looks like, from its first bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<BinaryKind> {
    const MAGIC: [(&[u8], BinaryKind); 8] = [
        (b"\x89PNG", BinaryKind::Png),
        (b"%PDF", BinaryKind::Pdf),
        (b"\xFF\xD8\xFF", BinaryKind::Jpeg),
        (b"GIF8", BinaryKind::Gif),
        (b"PK\x03\x04", BinaryKind::ZipBased),
        (b"\xD0\xCF\x11\xE0", BinaryKind::OldOffice),
        (b"\x7FELF", BinaryKind::Program),
        (b"MZ", BinaryKind::Program),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(*kind);
    }
    // UTF-16 has NULs by nature (with or without a BOM, or behind a UTF-8
    // BOM); elsewhere NULs in the first 4 kB mean binary.
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    (nuls > head.len() / 64 + 1 && crate::decode::utf16_by_layout(bytes).is_none()).then_some(BinaryKind::Binary)
}

fn extension(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.').filter(|(stem, _)| !stem.is_empty()).map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Extensions of page dumps.
pub const PAGE_EXTENSIONS: [&str; 4] = ["txt", "md", "text", "markdown"];

/// Is this a Markdown file by its name? Only then is inline Markdown
/// (`**bold**`) read as markup; in plain text `2**10` stays `2**10`.
pub fn is_markdown_name(name: &str) -> bool {
    matches!(extension(name).as_str(), "md" | "markdown")
}

/// Sorts dropped, picked or walked files with the default limits.
pub fn take_in(files: Vec<(String, Vec<u8>)>) -> Intake {
    take_in_with(files, Limits::default(), UniqueNames::default())
}

/// Sorts files joining a corpus whose ids are `taken`: the new ids are
/// unique among themselves and against those (`a (2).txt`, `a (3).txt`,
/// never `a (2) (2).txt`).
pub fn take_in_joining<'a>(files: Vec<(String, Vec<u8>)>, taken: impl IntoIterator<Item = &'a str>) -> Intake {
    take_in_with(files, Limits::default(), UniqueNames::with_taken(taken))
}

/// Sorts files; `.zip` archives are opened (one level). Names are made
/// unique (`a.txt`, `a (2).txt`) by `names`, because they are ids.
pub fn take_in_with(files: Vec<(String, Vec<u8>)>, limits: Limits, names: UniqueNames) -> Intake {
    let mut sorter = Sorter { intake: Intake::default(), names };
    for (name, bytes) in files {
        if extension(&name) == "zip" {
            sorter.take_zip(&name, &bytes, limits);
        } else {
            sorter.sort_file(name, bytes, false);
        }
    }
    sorter.intake
}

struct Sorter {
    intake: Intake,
    /// Documents and passim files share one id space.
    names: UniqueNames,
}

impl Sorter {
    fn take_zip(&mut self, name: &str, bytes: &[u8], limits: Limits) {
        let short = name.rsplit('/').next().unwrap_or(name);
        // In memory and zero-copy (`rawzip`): the directory is walked entry
        // by entry, never collected, and members that share a name are all kept.
        let archive = match rawzip::ZipArchive::from_slice(bytes) {
            Ok(archive) => archive,
            Err(e) => return self.intake.rejected.push((short.to_owned(), Refusal::NotAZip { detail: e.to_string() })),
        };
        let mut expanded = 0u64;
        let mut good = 0usize;
        for (i, entry) in archive.entries().enumerate() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    // The central directory is damaged past here: keep what was read.
                    self.intake.rejected.push((format!("{short} (member {})", i + 1), Refusal::DirectoryDamaged { detail: e.to_string() }));
                    break;
                }
            };
            if entry.is_dir() {
                continue;
            }
            let member = member_name(entry.file_path().as_ref());
            let label = format!("{short}/{member}");
            let base = member.rsplit('/').next().unwrap_or(&member);
            if base.starts_with('.') || member.starts_with("__MACOSX/") || member.contains("/__MACOSX/") {
                continue; // Finder's and editors' litter, not the user's files
            }
            if entry.mode().is_symlink() {
                self.intake.rejected.push((label, Refusal::LinkInArchive));
                continue;
            }
            if entry.flags().is_encrypted() {
                self.intake.rejected.push((label, Refusal::Encrypted));
                continue;
            }
            if entry.uncompressed_size_hint() > limits.file_bytes {
                self.intake.rejected.push((label, Refusal::TooLarge { mb: limits.file_bytes >> 20 }));
                continue;
            }
            let room = limits.total_bytes.saturating_sub(expanded);
            if room == 0 {
                self.intake.rejected.push((label, Refusal::ArchiveTooLarge { mb: limits.total_bytes >> 20 }));
                continue;
            }
            let cap = limits.file_bytes.min(room);
            let read = archive.get_entry(entry.wayfinder()).map_err(|e| e.to_string()).and_then(|local| match entry.compression_method() {
                rawzip::CompressionMethod::STORE => read_member(local.verifying_reader(local.data()), cap),
                rawzip::CompressionMethod::DEFLATE => read_member(local.verifying_reader(flate2::bufread::DeflateDecoder::new(local.data())), cap),
                other => Ok(Member::Unsupported(other)),
            });
            match read {
                Ok(Member::Read(data)) => {
                    expanded += data.len() as u64;
                    good += 1;
                    self.sort_file(format!("{short}/{member}"), data, true);
                }
                Ok(Member::Binary(kind)) => self.intake.rejected.push((label, Refusal::Binary { kind })),
                Ok(Member::TooLarge) if cap < limits.file_bytes => {
                    self.intake.rejected.push((label, Refusal::ArchiveTooLarge { mb: limits.total_bytes >> 20 }));
                    expanded = limits.total_bytes;
                }
                Ok(Member::TooLarge) => self.intake.rejected.push((label, Refusal::TooLarge { mb: limits.file_bytes >> 20 })),
                Ok(Member::Unsupported(method)) => {
                    let method = method.name().map_or_else(|| format!("method {}", method.as_u16()), str::to_owned);
                    self.intake.rejected.push((label, Refusal::UnknownMethod { method }))
                }
                Err(e) => self.intake.rejected.push((label, Refusal::DamagedMember { detail: e })),
            }
        }
        if good == 0 && !self.intake.rejected.iter().any(|(n, _)| n.starts_with(short)) {
            self.intake.rejected.push((short.to_owned(), Refusal::EmptyArchive));
        }
    }

    fn sort_file(&mut self, name: String, bytes: Vec<u8>, in_zip: bool) {
        let ext = extension(&name);
        let short = name.rsplit('/').next().unwrap_or(&name).to_owned();
        let shown = if in_zip { name.clone() } else { short.clone() };
        if bytes.is_empty() {
            self.intake.rejected.push((shown, Refusal::Empty));
        } else if let Some(kind) = binary_kind(&bytes) {
            if kind == BinaryKind::Pdf {
                let id = self.names.claim(short);
                self.intake.pdfs.push((id, bytes));
            } else {
                self.intake.rejected.push((shown, Refusal::Binary { kind }));
            }
        } else if matches!(ext.as_str(), "json" | "jsonl") || (ext.is_empty() && crate::passim::looks_like_passim(&String::from_utf8_lossy(&bytes[..bytes.len().min(2000)]))) {
            match crate::passim::parse_jsonl(&crate::decode::decode(&bytes).text) {
                Ok(_) => {
                    let id = self.names.claim(short);
                    self.intake.passim.push((id, bytes));
                }
                Err(e) => self.intake.rejected.push((shown, Refusal::NotPassim { detail: e.to_string() })),
            }
        } else if ext.is_empty() || PAGE_EXTENSIONS.contains(&ext.as_str()) {
            let id = self.names.claim(short);
            self.intake.documents.push((id, bytes));
        } else {
            self.intake.rejected.push((shown, Refusal::UnknownExtension { extension: ext }));
        }
    }
}

enum Member {
    Read(Vec<u8>),
    Binary(BinaryKind),
    TooLarge,
    Unsupported(rawzip::CompressionMethod),
}

/// A member's name as written: UTF-8, or else GB18030 (the names Chinese
/// Windows writes without the UTF-8 flag), with `\\` read as `/` and no
/// leading `/`.
fn member_name(raw: &[u8]) -> String {
    let name = match std::str::from_utf8(raw) {
        Ok(name) => name.to_owned(),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(raw).0.into_owned(),
    };
    name.replace('\\', "/").trim_start_matches('/').to_owned()
}

/// Reads one member as a stream: its first bytes tell a binary member (a PDF excepted),
/// which is refused unread, and reading stops one byte past `cap`, so a
/// member that lies about its size costs no more than `cap`. Read to its
/// end, its size and CRC are checked against the archive's directory.
fn read_member(mut file: impl Read, cap: u64) -> Result<Member, String> {
    let mut data = Vec::new();
    let err = |e: std::io::Error| e.to_string();
    (&mut file).take(4096.min(cap + 1)).read_to_end(&mut data).map_err(err)?;
    if let Some(kind) = binary_kind(&data).filter(|&k| k != BinaryKind::Pdf) {
        return Ok(Member::Binary(kind));
    }
    (&mut file).take(cap + 1 - data.len() as u64).read_to_end(&mut data).map_err(err)?;
    if data.len() as u64 > cap {
        return Ok(Member::TooLarge);
    }
    Ok(Member::Read(data))
}

/// Hands out unique names: `a.txt`, then `a (2).txt`, `a (3).txt` … Each
/// name remembers the next number to try, so n copies of one name cost
/// O(n), not the O(n²) (or worse) of scanning the taken list each time.
#[derive(Debug, Default, Clone)]
pub struct UniqueNames {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UniqueNames {
    /// Starts with names already in use (an open corpus's ids).
    pub fn with_taken<'a>(taken: impl IntoIterator<Item = &'a str>) -> Self {
        UniqueNames { taken: taken.into_iter().map(str::to_owned).collect(), next: HashMap::new() }
    }

    /// `name` if it is free, else the first free `stem (n).ext`; taken now.
    /// A name longer than [`MAX_NAME_BYTES`] is shortened first, keeping its
    /// extension: ids are file names when a site is published.
    pub fn claim(&mut self, name: String) -> String {
        let name = fit_name(name);
        if self.taken.insert(name.clone()) {
            return name;
        }
        let (stem, ext) = match name.rsplit_once('.') {
            Some((s, e)) if !s.is_empty() => (s.to_owned(), format!(".{e}")),
            _ => (name.clone(), String::new()),
        };
        let mut n = self.next.get(&name).copied().unwrap_or(2);
        loop {
            let candidate = format!("{stem} ({n}){ext}");
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(name, n);
                return candidate;
            }
        }
    }
}

/// The longest id, in bytes: file systems refuse names over 255 bytes,
/// and a unique suffix (` (12)`) must still fit.
pub const MAX_NAME_BYTES: usize = 200;

/// `name` cut to [`MAX_NAME_BYTES`] at a character boundary, keeping a
/// short extension.
fn fit_name(name: String) -> String {
    if name.len() <= MAX_NAME_BYTES {
        return name;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e).filter(|e| e.len() <= 16).map(|e| format!(".{e}")).unwrap_or_default();
    // Room for the stem, an ellipsis (3 bytes) and the extension.
    let mut stem_end = MAX_NAME_BYTES - ext.len() - '…'.len_utf8();
    while !name.is_char_boundary(stem_end) {
        stem_end -= 1;
    }
    format!("{}…{ext}", &name[..stem_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, data) in members {
            zip.start_file(*name, options.compression_method(zip::CompressionMethod::Stored)).unwrap();
            std::io::Write::write_all(&mut zip, data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn intake_sorts_pages_passim_and_rejects_with_reasons() {
        let zipped = zip_of(&[("pages/a.txt", "第一版".as_bytes()), ("pages/.DS_Store", b"x"), ("notes.pdf", b"%PDF-1.4")]);
        let intake = take_in(vec![
            ("a.txt".into(), "本报讯".as_bytes().to_vec()),
            ("a.txt".into(), "又一份".as_bytes().to_vec()),
            ("photo.png".into(), b"\x89PNG\r\n\x1a\n\0\0".to_vec()),
            ("empty.txt".into(), vec![]),
            ("out.json".into(), br#"{"id":"a.txt","cluster":1,"begin":0,"end":3}"#.to_vec()),
            ("bad.json".into(), b"{oops".to_vec()),
            ("pages.zip".into(), zipped),
            ("broken.zip".into(), b"PK\x03\x04nonsense".to_vec()),
            ("table.xlsx".into(), b"plain".to_vec()),
        ]);
        let ids: Vec<&str> = intake.documents.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(ids, ["a.txt", "a (2).txt", "a (3).txt"]);
        assert_eq!(intake.passim.len(), 1);
        // A PDF, zipped or not, waits for the front end's reader.
        assert_eq!(intake.pdfs, [("notes.pdf".to_owned(), b"%PDF-1.4".to_vec())]);
        let rejected: Vec<&str> = intake.rejected.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(rejected, ["photo.png", "empty.txt", "bad.json", "broken.zip", "table.xlsx"]);
        assert_eq!(intake.rejected[0].1, Refusal::Binary { kind: BinaryKind::Png });
        assert!(matches!(intake.rejected[3].1, Refusal::NotAZip { .. }), "{:?}", intake.rejected);
        assert_eq!(intake.rejected[4].1, Refusal::UnknownExtension { extension: "xlsx".into() });
        // A PDF the reader cannot read is refused with its reason, in the CLI's English.
        let mut intake = intake;
        intake.read_pdfs(|_| Err(Refusal::PdfDamaged { detail: "no xref".into() }));
        assert!(intake.pdfs.is_empty());
        assert_eq!(intake.rejected.last(), Some(&("notes.pdf".to_owned(), Refusal::PdfDamaged { detail: "no xref".into() })));
        assert_eq!(intake.rejected[5].1.to_string(), "a damaged PDF (no xref)");
        // UTF-16 is text even though it is full of NULs.
        let mut utf16 = vec![0xFF, 0xFE];
        "同文".encode_utf16().for_each(|u| utf16.extend(u.to_le_bytes()));
        assert_eq!(binary_kind(&utf16), None);
    }

    #[test]
    fn pdfs_are_read_by_the_reader_given_or_refused_with_its_reason() {
        let mut intake = take_in(vec![("good.pdf".into(), b"%PDF-1.7 good".to_vec()), ("locked.pdf".into(), b"%PDF-1.7 locked".to_vec()), ("a.txt".into(), "本报讯".as_bytes().to_vec())]);
        assert_eq!(intake.pdfs.len(), 2);
        assert!(intake.has_pages());
        let page = crate::positioned::PositionedPage { width: 100.0, height: 100.0, runs: vec![crate::positioned::Run { text: "字".into(), x: 1.0, y: 2.0, width: 3.0, size: 4.0 }] };
        intake.read_pdfs(|bytes| if bytes.ends_with(b"good") { Ok(crate::positioned::PositionedDocument { pages: vec![page.clone()] }) } else { Err(Refusal::Encrypted) });
        assert!(intake.pdfs.is_empty());
        assert_eq!(intake.positioned.len(), 1);
        assert_eq!(intake.positioned[0].0, "good.pdf");
        assert_eq!(intake.rejected, [("locked.pdf".to_owned(), Refusal::Encrypted)]);
        // Nothing but a refused PDF: no pages.
        let mut only = take_in(vec![("locked.pdf".into(), b"%PDF-1.7".to_vec())]);
        assert!(only.has_pages());
        only.read_pdfs(|_| Err(Refusal::Encrypted));
        assert!(!only.has_pages());
        assert!(only.why_empty().contains("locked.pdf: encrypted"), "{}", only.why_empty());
    }

    #[test]
    fn unique_names_are_linear_and_never_collide() {
        let mut names = UniqueNames::with_taken(["a (2).txt"]);
        let got: Vec<String> = (0..4).map(|_| names.claim("a.txt".into())).collect();
        assert_eq!(got, ["a.txt", "a (3).txt", "a (4).txt", "a (5).txt"]);
        assert_eq!(names.claim("a (3).txt".into()), "a (3) (2).txt");
        assert_eq!(names.claim("README".into()), "README");
        assert_eq!(names.claim("README".into()), "README (2)");
        assert_eq!(names.claim(".bashrc".into()), ".bashrc");
        assert_eq!(names.claim(".bashrc".into()), ".bashrc (2)");
        // Too long for a file name: shortened at a character boundary.
        let long = format!("{}.txt", "报".repeat(100));
        let fitted = names.claim(long);
        assert!(fitted.len() <= MAX_NAME_BYTES && fitted.ends_with("报….txt"), "{fitted}");
        assert!(names.claim(format!("{}.txt", "报".repeat(100))).ends_with("报… (2).txt"));
    }

    #[test]
    fn markdown_is_told_by_name() {
        assert!(is_markdown_name("dir/page.MD") && is_markdown_name("x.markdown"));
        assert!(!is_markdown_name("page.txt") && !is_markdown_name("md") && !is_markdown_name(".md"));
    }

    /// Rewrites a stored zip's headers: every `at` offset (from a local
    /// header `PK\x03\x04`, or a directory record `PK\x01\x02`) set to `value`.
    fn patch_headers(zip: &mut [u8], local_at: usize, central_at: usize, value: u8) {
        for i in 0..zip.len() - 4 {
            match &zip[i..i + 4] {
                b"PK\x03\x04" => zip[i + local_at] = value,
                b"PK\x01\x02" => zip[i + central_at] = value,
                _ => {}
            }
        }
    }

    #[test]
    fn member_names_in_gbk_encrypted_members_and_unknown_methods() {
        // Chinese Windows writes names in GBK without the UTF-8 flag.
        let mut zipped = zip_of(&[("abcd.txt", "第一版".as_bytes())]);
        let gbk = encoding_rs::GBK.encode("报纸.txt").0.into_owned();
        for i in 0..zipped.len() - 8 {
            if &zipped[i..i + 8] == b"abcd.txt" {
                zipped[i..i + 8].copy_from_slice(&gbk);
            }
        }
        let intake = take_in(vec![("gbk.zip".into(), zipped)]);
        assert_eq!(intake.documents.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(), ["报纸.txt"], "{:?}", intake.rejected);
        // The encryption flag (bit 0 of the general-purpose flags).
        let mut locked = zip_of(&[("a.txt", "正文".as_bytes())]);
        patch_headers(&mut locked, 6, 8, 1);
        let intake = take_in(vec![("locked.zip".into(), locked)]);
        assert!(intake.documents.is_empty());
        assert!(intake.rejected[0].0 == "locked.zip/a.txt" && intake.rejected[0].1 == Refusal::Encrypted, "{:?}", intake.rejected);
        // A method other than Store and Deflate (12 = bzip2).
        let mut bzip = zip_of(&[("b.txt", "正文".as_bytes())]);
        patch_headers(&mut bzip, 8, 10, 12);
        let intake = take_in(vec![("bzip.zip".into(), bzip)]);
        assert_eq!(intake.rejected[0].1, Refusal::UnknownMethod { method: "BZIP2".into() });
        // Stored members with a wrong CRC are damaged, not read.
        let mut bad = zip_of(&[("c.txt", "正文正文".as_bytes())]);
        patch_headers(&mut bad, 14, 16, 0xAB);
        let intake = take_in(vec![("bad.zip".into(), bad)]);
        assert!(intake.documents.is_empty() && matches!(intake.rejected[0].1, Refusal::DamagedMember { .. }), "{:?}", intake.rejected);
    }

    #[test]
    fn limits_stop_a_member_and_the_archive() {
        let big = vec![b'a'; 3000];
        let zipped = zip_of(&[("one.txt", &big), ("two.txt", &big), ("three.txt", b"short")]);
        let intake = take_in_with(vec![("z.zip".into(), zipped.clone())], Limits { file_bytes: 2999, total_bytes: 1 << 20 }, UniqueNames::default());
        assert_eq!(intake.documents.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(), ["three.txt"]);
        assert!(intake.rejected.iter().all(|(_, why)| *why == Refusal::TooLarge { mb: 0 }), "{:?}", intake.rejected);
        let intake = take_in_with(vec![("z.zip".into(), zipped)], Limits { file_bytes: 1 << 20, total_bytes: 4000 }, UniqueNames::default());
        assert_eq!(intake.documents.len(), 1, "{:?}", intake);
        assert_eq!(intake.rejected.len(), 2);
        assert!(intake.rejected.iter().all(|(_, why)| *why == Refusal::ArchiveTooLarge { mb: 0 }), "{:?}", intake.rejected);
    }
}
