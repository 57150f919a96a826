//! Why a file handed over was not used, as data: the CLI prints it in
//! English (`Display`), the app says it in the reader's language, and the
//! JSON (serde-tagged) stays stable whatever the wording.

use serde::{Deserialize, Serialize};

/// What a file that is not text looks like, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum BinaryKind {
    #[error("a PNG image")]
    Png,
    /// Never a refusal now that PDFs are read (the intake sets them aside
    /// by this kind); kept so the kinds stay one list.
    #[error("a PDF")]
    Pdf,
    #[error("a JPEG image")]
    Jpeg,
    #[error("a GIF image")]
    Gif,
    #[error("a zip-based file (a .docx?)")]
    ZipBased,
    #[error("an old Office document")]
    OldOffice,
    #[error("a program")]
    Program,
    #[error("binary data")]
    Binary,
}

/// Why a file, a zip member or a path was passed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    #[error("the file is empty")]
    Empty,
    #[error("not a text file: this looks like {kind}")]
    Binary { kind: BinaryKind },
    #[error("not passim output: {detail}")]
    NotPassim { detail: String },
    #[error("not a text file (.{extension}): tongwen reads .txt, .md, .zip of those, and passim .json")]
    UnknownExtension { extension: String },
    #[error("larger than {mb} MB")]
    TooLarge { mb: u64 },
    #[error("cannot be read ({detail})")]
    Unreadable { detail: String },
    #[error("not a readable zip archive ({detail})")]
    NotAZip { detail: String },
    #[error("the archive's directory is damaged from here on ({detail})")]
    DirectoryDamaged { detail: String },
    #[error("a symbolic link, not a file")]
    LinkInArchive,
    #[error("encrypted; tongwen cannot read it without the password")]
    Encrypted,
    #[error("the archive expands to more than {mb} MB; the rest was not read")]
    ArchiveTooLarge { mb: u64 },
    #[error("compressed with {method}, which tongwen cannot unpack (zip it again with Deflate)")]
    UnknownMethod { method: String },
    #[error("damaged in the archive ({detail})")]
    DamagedMember { detail: String },
    #[error("the archive holds no files")]
    EmptyArchive,
    #[error("a PDF with no text layer on its {pages} page(s), a scan perhaps: it needs OCR first")]
    PdfWithoutText { pages: usize },
    #[error("a damaged PDF ({detail})")]
    PdfDamaged { detail: String },
    #[error("a symbolic link: links are not followed inside a corpus directory")]
    LinkInDirectory,
    #[error("not a regular file (a FIFO, socket or device)")]
    NotRegular,
    #[error("not a page ({}): only .txt, .md, .pdf, .zip and passim .json are read", extension.as_deref().map_or_else(|| "no extension".to_owned(), |e| format!(".{e}")))]
    NotAPage { extension: Option<String> },
    #[error("hidden (a dot-file or dot-directory)")]
    Hidden,
}
