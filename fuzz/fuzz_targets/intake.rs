//! Any bytes, as a zip archive or as a page, go through the intake without
//! panicking; every file comes out as a document, passim output or a
//! refusal with a reason; ids are unique; and the limits hold.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tongwen::intake::{take_in_with, Limits};

fuzz_target!(|data: &[u8]| {
    let limits = Limits { file_bytes: 1 << 20, total_bytes: 4 << 20 };
    let intake = take_in_with(vec![("in.zip".into(), data.to_vec()), ("in.txt".into(), data.to_vec()), ("in.txt".into(), data.to_vec())], limits, Default::default());
    let mut ids: Vec<&str> = intake.documents.iter().chain(&intake.passim).map(|(id, _)| id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
    assert!(intake.rejected.iter().all(|(_, why)| !why.is_empty()));
    let expanded: usize = intake.documents.iter().chain(&intake.passim).map(|(_, b)| b.len()).sum::<usize>();
    assert!(expanded as u64 <= limits.total_bytes + 2 * data.len() as u64);
});
