//! Checks that a document's bytes are text udkast can edit: UTF-8, not binary, and
//! of a size a person could write.

use super::Invalid;
use super::error::line_of_offset;
use crate::lang::{ErrMsg, t, tf};

/// The largest document accepted (16 MiB). A strategy is a few hundred KiB; a
/// bigger file is almost certainly something else committed by mistake.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Returns the text of `bytes` or says why it is not a document. Binary detection
/// follows git: a NUL byte in the first 8000 bytes.
pub fn check_document<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Invalid> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        let mib = bytes.len() as f64 / (1024.0 * 1024.0);
        return Err(Invalid::new(
            file,
            tf(
                ErrMsg::DocumentTooBig,
                &[
                    ("size", &crate::lang::decimal(mib, 1)),
                    ("max", &(MAX_DOCUMENT_BYTES >> 20)),
                ],
            ),
        ));
    }
    if let Some(pos) = bytes.iter().take(8000).position(|&b| b == 0) {
        return Err(Invalid::at(
            file,
            line_of_offset(bytes, pos),
            t(ErrMsg::DocumentBinary),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Invalid::at(file, line_of_offset(bytes, at), t(ErrMsg::DocumentNotUtf8))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_messy_real_text() {
        let text = "---\ntitel: x\n---\r\n# Bæredygtighed\tmål\u{a0}20 mio. kr.\nå vs a\u{30a}\n";
        assert_eq!(check_document("d.md", text.as_bytes()).unwrap(), text);
    }

    #[test]
    fn rejects_latin1_binary_and_huge() {
        let e = check_document("d.md", b"ok\nok\nBr\xe6ndstof\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "d.md:3: is not valid UTF-8 text (save it as UTF-8 and try again)"
        );
        let e = check_document("d.md", b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(e.to_string().contains("binary"));
        let huge = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        assert!(
            check_document("d.md", &huge)
                .unwrap_err()
                .to_string()
                .contains("limited to 16 MiB")
        );
        // In Danish with a decimal comma.
        let huge = vec![b'a'; MAX_DOCUMENT_BYTES * 3 / 2];
        crate::lang::set(crate::lang::Lang::Da);
        let said = check_document("d.md", &huge).unwrap_err().to_string();
        crate::lang::set(crate::lang::Lang::En);
        assert_eq!(said, "d.md: fylder 24,0 MiB; et dokument må højst fylde 16 MiB");
    }
}
