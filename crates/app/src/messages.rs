//! The engine's and the page's problems in the reader's language: every
//! refusal, warning and failure, in Chinese and in English. Pure, so a
//! native test checks each variant in both. A `detail` (the browser's or
//! a library's own words, an HTTP status) is shown in brackets as given.

use crate::problems::{Failure, Problem, Refusal, StoreError, Warning};
use tongwen::intake::BinaryKind;

/// One language's wording of the problems.
pub struct Messages {
    pub refusal: fn(&Refusal) -> String,
    pub warning: fn(&Warning) -> String,
    pub failure: fn(&Failure) -> String,
    pub storage: fn(&StoreError) -> String,
    pub download: fn(&str) -> String,
    pub intake_stopped: &'static str,
}

impl Messages {
    pub fn problem(&self, p: &Problem) -> String {
        match p {
            Problem::Failed(f) => (self.failure)(f),
            Problem::Storage(e) => (self.storage)(e),
            Problem::Download { detail } => (self.download)(detail),
            Problem::IntakeStopped => self.intake_stopped.to_owned(),
        }
    }
}

pub const ZH: Messages = Messages { refusal: zh::refusal, warning: zh::warning, failure: zh::failure, storage: zh::storage, download: zh::download, intake_stopped: "文件尚未读完，分析进程已停止；请再添加一次。" };

pub const EN: Messages = Messages {
    refusal: |r| r.to_string(),
    warning: |w| w.to_string(),
    failure: |f| f.to_string(),
    storage: en::storage,
    download: |d| format!("the download could not be offered ({d})"),
    intake_stopped: "The worker stopped before it had read the files; please add them again.",
};

mod zh {
    use super::*;

    fn kind(k: &BinaryKind) -> &'static str {
        match k {
            BinaryKind::Png => "PNG 图片",
            BinaryKind::Pdf => "PDF",
            BinaryKind::Jpeg => "JPEG 图片",
            BinaryKind::Gif => "GIF 图片",
            BinaryKind::ZipBased => "基于 zip 的文件（.docx？）",
            BinaryKind::OldOffice => "旧版 Office 文档",
            BinaryKind::Program => "程序",
            BinaryKind::Binary => "二进制数据",
        }
    }

    pub fn refusal(r: &Refusal) -> String {
        match r {
            Refusal::Empty => "文件是空的".into(),
            Refusal::Binary { kind: k } => format!("不是文本文件：看起来是{}", kind(k)),
            Refusal::NotPassim { detail } => format!("不是 passim 输出（{detail}）"),
            Refusal::UnknownExtension { extension } => format!("不是文本文件（.{extension}）：同文读取 .txt、.md、它们的 .zip 以及 passim 的 .json"),
            Refusal::TooLarge { mb } => format!("大于 {mb} MB"),
            Refusal::Unreadable { detail } => format!("无法读取（{detail}）"),
            Refusal::NotAZip { detail } => format!("不是可读的 zip 压缩包（{detail}）"),
            Refusal::DirectoryDamaged { detail } => format!("压缩包目录自此处起已损坏（{detail}）"),
            Refusal::LinkInArchive => "是符号链接，不是文件".into(),
            Refusal::Encrypted => "已加密；没有密码无法读取".into(),
            Refusal::ArchiveTooLarge { mb } => format!("压缩包解压后超过 {mb} MB；其余部分未读取"),
            Refusal::UnknownMethod { method } => format!("使用 {method} 压缩，同文无法解压（请用 Deflate 重新压缩）"),
            Refusal::DamagedMember { detail } => format!("在压缩包中已损坏（{detail}）"),
            Refusal::EmptyArchive => "压缩包里没有文件".into(),
            Refusal::PdfWithoutText { pages } => format!("PDF 的 {pages} 页都没有文字层（也许是扫描件）：需要先做文字识别（OCR）"),
            Refusal::PdfDamaged { detail } => format!("PDF 已损坏（{detail}）"),
            Refusal::LinkInDirectory => "是符号链接：语料目录中的链接不跟随".into(),
            Refusal::NotRegular => "不是普通文件（管道、套接字或设备）".into(),
            Refusal::NotAPage { extension } => match extension {
                Some(e) => format!("不是版面文件（.{e}）：只读取 .txt、.md、.pdf、.zip 和 passim 的 .json"),
                None => "不是版面文件（没有扩展名）：只读取 .txt、.md、.pdf、.zip 和 passim 的 .json".into(),
            },
            Refusal::Hidden => "隐藏文件（以点开头）".into(),
        }
    }

    pub fn warning(w: &Warning) -> String {
        match w {
            Warning::Empty => "文件是空的".into(),
            Warning::OnlyWhitespace => "文件只有空白".into(),
            Warning::UnknownEncoding { label, detected } => format!("未知编码“{label}”；改用检测到的 {detected}"),
            Warning::InvalidBytes { count, encoding } => format!("有 {count} 处字节不是有效的 {encoding}，显示为 U+FFFD"),
            Warning::NulCharacters => "文件含有 NUL 字符，可能不是文本".into(),
            Warning::PassimUnreadable { file, detail } => format!("passim 文件 {file} 无法读取（{detail}）"),
            Warning::PassimNoDocument { id } => format!("passim 记录“{id}”：语料中没有这个文档"),
            Warning::PassimOutside { id, begin, end, chars } => format!("passim 记录“{id}”：[{begin}, {end}) 超出其 {chars} 个字符"),
            Warning::Utf8MarkBeforeUtf16 { encoding } => format!("{encoding} 文本前有 UTF-8 字节顺序标记；按 {encoding} 读取"),
            Warning::PdfUnmapped { glyphs } => format!("这个 PDF 有 {glyphs} 个字形找不到对应的字符（字体缺少 Unicode 映射），显示为 U+FFFD"),
            Warning::RowsInterleaved { lines } => format!("有 {lines} 行各自夹在空行之间，像是 pdftotext 默认模式把并排的分栏逐行交错提取了；这些行的顺序只凭文字推断，个别行可能接错。用 pdftotext -layout 或 -raw 提取，或直接添加 PDF，可以读准"),
        }
    }

    pub fn failure(f: &Failure) -> String {
        match f {
            Failure::Load { url, detail } => format!("无法载入 {url}（{detail}）"),
            Failure::NotUtf8 { url } => format!("{url} 不是 UTF-8 文本"),
            Failure::PrecomputedDamaged { line, detail } => format!("预先计算的分析在第 {line} 行损坏（{detail}）"),
            Failure::PrecomputedIncomplete => "预先计算的分析不完整".into(),
            Failure::Dictionary { detail } => format!("分词词典已损坏（{detail}）"),
            Failure::NoSuchStory => "没有这个报道".into(),
            Failure::Export { detail } => format!("无法导出（{detail}）"),
            Failure::Message { detail } => format!("分析进程读不懂页面的消息（{detail}）"),
            Failure::WorkerStart { detail } => format!("分析进程无法启动（{detail}）"),
            Failure::Manifest { detail } => format!("语料清单无效（{detail}）"),
            Failure::Published { detail } => format!("发布的语料已损坏（{detail}）"),
            Failure::TooLargeForWords { documents } => format!("这个发布的语料太大（{documents} 篇），浏览器里不能分词和提取关键词（检索用它的索引）"),
        }
    }

    pub fn storage(e: &StoreError) -> String {
        match e {
            StoreError::Unavailable { detail } => format!("无法打开浏览器存储（{detail}）；隐私窗口可能不允许。"),
            StoreError::Full => "本站的浏览器存储已满，未作任何更改。请删除一个语料或允许更多存储空间。".into(),
            StoreError::Failed { detail } => format!("浏览器存储出错（{detail}），未作任何更改。"),
            StoreError::NoCorpus { id } => format!("没有保存的语料“{id}”"),
            StoreError::LostDocument { id } => format!("保存的语料缺少“{id}”"),
        }
    }

    pub fn download(detail: &str) -> String {
        format!("无法提供下载（{detail}）")
    }
}

mod en {
    use super::*;

    pub fn storage(e: &StoreError) -> String {
        match e {
            StoreError::Unavailable { detail } => format!("the browser's storage cannot be opened ({detail}); private windows may not allow it"),
            StoreError::Full => "the browser's storage for this site is full; nothing was changed. Remove a corpus or allow more storage.".into(),
            StoreError::Failed { detail } => format!("the browser's storage failed ({detail}); nothing was changed"),
            StoreError::NoCorpus { id } => format!("no stored corpus `{id}`"),
            StoreError::LostDocument { id } => format!("the stored corpus lost `{id}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d() -> String {
        "DETAIL".to_owned()
    }

    /// One of every refusal (every kind of binary file, too).
    fn every_refusal() -> Vec<Refusal> {
        let kinds = [BinaryKind::Png, BinaryKind::Pdf, BinaryKind::Jpeg, BinaryKind::Gif, BinaryKind::ZipBased, BinaryKind::OldOffice, BinaryKind::Program, BinaryKind::Binary];
        let mut refusals: Vec<Refusal> = kinds.map(|kind| Refusal::Binary { kind }).into();
        refusals.extend([
            Refusal::Empty,
            Refusal::NotPassim { detail: d() },
            Refusal::UnknownExtension { extension: "xlsx".into() },
            Refusal::TooLarge { mb: 200 },
            Refusal::Unreadable { detail: d() },
            Refusal::NotAZip { detail: d() },
            Refusal::DirectoryDamaged { detail: d() },
            Refusal::LinkInArchive,
            Refusal::Encrypted,
            Refusal::ArchiveTooLarge { mb: 1024 },
            Refusal::UnknownMethod { method: "BZIP2".into() },
            Refusal::DamagedMember { detail: d() },
            Refusal::EmptyArchive,
            Refusal::PdfWithoutText { pages: 2 },
            Refusal::PdfDamaged { detail: d() },
            Refusal::LinkInDirectory,
            Refusal::NotRegular,
            Refusal::NotAPage { extension: None },
            Refusal::NotAPage { extension: Some("doc".into()) },
            Refusal::Hidden,
        ]);
        refusals
    }

    /// One of every problem, with details that are plain words.
    fn every_problem() -> Vec<Problem> {
        let failures = vec![
            Failure::Load { url: "dict/dict.txt.gz".into(), detail: "HTTP 404".into() },
            Failure::NotUtf8 { url: "a.jsonl".into() },
            Failure::PrecomputedDamaged { line: 3, detail: d() },
            Failure::PrecomputedIncomplete,
            Failure::Dictionary { detail: d() },
            Failure::NoSuchStory,
            Failure::Export { detail: d() },
            Failure::Message { detail: d() },
            Failure::WorkerStart { detail: d() },
            Failure::Manifest { detail: d() },
            Failure::Published { detail: d() },
            Failure::TooLargeForWords { documents: 17476 },
        ];
        let stores = vec![
            StoreError::Unavailable { detail: d() },
            StoreError::Full,
            StoreError::Failed { detail: d() },
            StoreError::NoCorpus { id: "c1".into() },
            StoreError::LostDocument { id: "a.txt".into() },
        ];
        failures.into_iter().map(Problem::Failed).chain(stores.into_iter().map(Problem::Storage)).chain([Problem::Download { detail: d() }, Problem::IntakeStopped]).collect()
    }

    fn every_warning() -> Vec<Warning> {
        vec![
            Warning::Empty,
            Warning::OnlyWhitespace,
            Warning::UnknownEncoding { label: "klingon".into(), detected: "GB18030".into() },
            Warning::InvalidBytes { count: 2, encoding: "UTF-8".into() },
            Warning::NulCharacters,
            Warning::PassimUnreadable { file: "out.json".into(), detail: d() },
            Warning::PassimNoDocument { id: "x".into() },
            Warning::PassimOutside { id: "x".into(), begin: 1, end: 9, chars: 5 },
            Warning::Utf8MarkBeforeUtf16 { encoding: "UTF-16LE".into() },
            Warning::PdfUnmapped { glyphs: 12 },
            Warning::RowsInterleaved { lines: 40 },
        ]
    }

    /// English words of four letters or more, once the given names and
    /// details are taken out: what must never stand in the Chinese text.
    fn english_words(text: &str) -> Vec<String> {
        let mut t = text.to_owned();
        for given in ["DETAIL", "passim", "BZIP2", "Deflate", "xlsx", "klingon", "HTTP", "dict/dict.txt.gz", "a.jsonl", "out.json", "UTF-16LE", "Office", "docx", "JPEG", "json", "U+FFFD", "Unicode", "pdftotext", "-layout"] {
            t = t.replace(given, "");
        }
        t.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 4).map(str::to_owned).collect()
    }

    #[test]
    fn every_problem_is_worded_in_chinese_without_english_and_in_english() {
        for p in every_problem() {
            let (zh, en) = (ZH.problem(&p), EN.problem(&p));
            assert!(english_words(&zh).is_empty(), "{p:?} in Chinese: {zh}");
            assert!(!en.is_empty() && en != zh, "{p:?}");
            for detail in ["DETAIL", "HTTP 404"] {
                if format!("{p:?}").contains(detail) {
                    assert!(zh.contains(detail) && en.contains(detail), "{p:?} keeps its detail: {zh} / {en}");
                }
            }
        }
    }

    #[test]
    fn every_warning_and_refusal_is_worded_in_chinese_without_english() {
        for w in every_warning() {
            let zh = (ZH.warning)(&w);
            assert!(english_words(&zh).is_empty(), "{w:?}: {zh}");
            assert_eq!((EN.warning)(&w), w.to_string(), "English is the CLI's");
        }
        for r in every_refusal() {
            let zh = (ZH.refusal)(&r);
            assert!(english_words(&zh).is_empty(), "{r:?}: {zh}");
            assert_eq!((EN.refusal)(&r), r.to_string());
        }
    }
}
