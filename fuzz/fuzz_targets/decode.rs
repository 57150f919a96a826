//! Any bytes decode, with any encoding a user may choose, without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let d = tongwen::decode::decode(data);
    assert!(!d.encoding.is_empty());
    for label in tongwen::corpus::ENCODINGS {
        let enc = tongwen::decode::encoding_for_label(label).expect("a known label");
        let _ = tongwen::decode::decode_as(data, enc);
    }
    let _ = tongwen::intake::binary_kind(data);
});
