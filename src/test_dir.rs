//! A directory of its own for one unit test, under the system's temporary directory and
//! removed with all it holds when the test is done, so that `cargo test` leaves nothing
//! behind.

use std::ops::Deref;
use std::path::{Path, PathBuf};

/// `krant-<name>-<process id>` in the temporary directory, made empty; removed when dropped.
pub struct TestDir(PathBuf);

impl TestDir {
    pub fn new(name: &str) -> TestDir {
        let d = std::env::temp_dir().join(format!("krant-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("a test directory in the temporary directory");
        TestDir(d)
    }
}

impl Deref for TestDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TestDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A file path inside a [`TestDir`] of its own, which goes when this is dropped.
pub struct TestFile {
    _dir: TestDir,
    path: PathBuf,
}

impl TestFile {
    pub fn new(dir: &str, file: &str) -> TestFile {
        let d = TestDir::new(dir);
        let path = d.join(file);
        TestFile { _dir: d, path }
    }
}

impl AsRef<Path> for TestFile {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl Deref for TestFile {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.path
    }
}
