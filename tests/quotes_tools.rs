//! `krant-eval quotes`, the tool the speaker figures of `docs/accuracy.md` come from.

use std::path::Path;
use std::process::Command;

/// The `(right/quotes)` at the end of `line`.
fn last_count(line: &str) -> &str {
    let open = line.rfind('(').unwrap_or(0);
    &line[open..]
}

/// The ablation table trains every fold with the documents of `--with`, as the
/// cross-validation line above it does: a rule that proposes nothing in these languages
/// (`textplace` is German) leaves the ranker's figure as it is.
#[test]
fn ablation_trains_with_the_same_documents_as_cross_validation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/quotes");
    let out = Command::new(env!("CARGO_BIN_EXE_krant-eval"))
        .arg("quotes")
        .arg(dir.join("pt"))
        .args(["--cv", "2", "--with"])
        .arg(dir.join("es"))
        .arg("--ablate")
        .output()
        .expect("krant-eval runs");
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cv = report
        .lines()
        .find(|l| l.starts_with("speakers, 2-fold"))
        .and_then(|l| l.split(';').next())
        .unwrap_or_else(|| panic!("no cross-validation line in {report}"));
    let row = report
        .lines()
        .find(|l| l.starts_with("textplace\t"))
        .unwrap_or_else(|| panic!("no textplace row in {report}"));
    assert_eq!(last_count(row), last_count(cv), "{report}");
}
