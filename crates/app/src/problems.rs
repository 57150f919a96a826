//! What can go wrong, as data: the page words each in the reader's
//! language (`i18n`), so no English sentence from the engine or the
//! browser stands alone in the Chinese interface. Pure, tested natively.

pub use tongwen::intake::Refusal;
pub use tongwen::model::Warning;
pub use tongwen::protocol::Failure;

/// The browser's storage (IndexedDB) did not do what was asked; nothing
/// was changed. `detail` is the browser's own words, shown in brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The storage cannot be opened (private windows may not allow it).
    Unavailable { detail: String },
    /// The site's storage is full.
    Full,
    /// A read or write failed.
    Failed { detail: String },
    /// No stored corpus has this id.
    NoCorpus { id: String },
    /// A stored corpus lost one of its documents.
    LostDocument { id: String },
}

impl StoreError {
    /// Tells a full storage from other failures by the browser's message.
    pub fn from_browser(detail: String) -> Self {
        if detail.contains("QuotaExceeded") || detail.contains("quota") {
            StoreError::Full
        } else {
            StoreError::Failed { detail }
        }
    }
}

/// Something the page reports: in the status line, or as a notice until
/// dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The worker or the site could not do what was asked.
    Failed(Failure),
    Storage(StoreError),
    /// A download could not be offered (the browser's reason).
    Download { detail: String },
    /// The worker stopped before it had sorted the files handed over.
    IntakeStopped,
}

impl From<Failure> for Problem {
    fn from(f: Failure) -> Self {
        Problem::Failed(f)
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        Problem::Storage(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_storage_is_told_from_other_failures() {
        assert_eq!(StoreError::from_browser("DOMException: QuotaExceededError".into()), StoreError::Full);
        assert_eq!(StoreError::from_browser("AbortError".into()), StoreError::Failed { detail: "AbortError".into() });
    }
}
