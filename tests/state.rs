//! Settings and positions under stress: two processes quitting at the same moment, 200 times;
//! damaged and future files in the real reader.

mod common;
use common::{bin, temp_dir, Tmux};
use krant::store::Store;
use std::process::Command;

const CHILD_DIR: &str = "KRANT_TEST_STATE_DIR";
const CHILD_KEY: &str = "KRANT_TEST_STATE_KEY";

fn store(dir: &std::path::Path) -> Store {
    Store::open(
        Some(dir.join("settings.json")),
        Some(dir.join("positions.json")),
    )
}

/// Run by `two_processes_quitting_at_once_keep_both_positions` in child processes: saves one
/// position the way the reader does on quitting.
#[test]
#[ignore = "a child process of two_processes_quitting_at_once_keep_both_positions"]
fn child_saves_one_position() {
    let dir = std::env::var(CHILD_DIR).expect("run by the parent test");
    let key: u64 = std::env::var(CHILD_KEY)
        .expect("key")
        .parse()
        .expect("number");
    let mut s = store(std::path::Path::new(&dir));
    s.save_settings(s.settings.clone());
    s.save_position(key, key as usize * 10);
    assert!(s.notices.is_empty(), "{:?}", s.notices);
}

#[test]
fn two_processes_quitting_at_once_keep_both_positions() {
    let dir = temp_dir("concurrent-quits");
    let exe = std::env::current_exe().expect("test binary");
    for round in 0..200u64 {
        let children: Vec<_> = (0..2)
            .map(|k| {
                Command::new(&exe)
                    .args([
                        "--ignored",
                        "--exact",
                        "child_saves_one_position",
                        "--quiet",
                    ])
                    .env(CHILD_DIR, &dir)
                    .env(CHILD_KEY, (round * 2 + k).to_string())
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .expect("child")
            })
            .collect();
        for mut c in children {
            assert!(c.wait().expect("child exits").success(), "round {round}");
        }
        let s = store(&dir);
        assert!(s.notices.is_empty(), "round {round}: {:?}", s.notices);
        for k in [round * 2, round * 2 + 1] {
            assert_eq!(
                s.position(k).map(|p| p.offset),
                Some(k as usize * 10),
                "round {round}"
            );
        }
    }
    let s = store(&dir);
    assert_eq!(s.positions.positions.len(), 400);
}

#[test]
fn damaged_state_is_set_aside_with_a_notice() {
    let t = Tmux::start("corrupt", 120, 30, "sleep 600");
    std::fs::create_dir_all(t.path("state/krant")).unwrap();
    std::fs::write(
        t.path("state/krant/positions.json"),
        b"{\"version\": 1, \"positions\": {\"x\": {\"off",
    )
    .unwrap();
    t.respawn(bin());
    t.wait_text("damaged");
    t.keys(&["q"]);
    t.wait_for("exit", |_| t.dead());
    let names: Vec<String> = std::fs::read_dir(t.path("state/krant"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("positions.json.corrupt-")),
        "{names:?}"
    );
    let fresh = std::fs::read_to_string(t.path("state/krant/positions.json")).unwrap();
    assert!(fresh.contains("\"version\": 1"));
}

#[test]
fn future_settings_are_used_and_never_overwritten() {
    let t = Tmux::start("future", 120, 30, "sleep 600");
    std::fs::create_dir_all(t.path("config/krant")).unwrap();
    let future = br#"{"version": 99, "language": "de", "new_feature_from_v99": {"keep": "me"}}"#;
    std::fs::write(t.path("config/krant/settings.json"), future).unwrap();
    t.respawn(bin());
    t.wait_text("Inhalt");
    t.keys(&["p", "q"]);
    t.wait_for("exit", |_| t.dead());
    assert_eq!(
        std::fs::read(t.path("config/krant/settings.json")).unwrap(),
        future
    );
}

#[test]
fn unwritable_state_folder_means_running_without_saving() {
    let dir = temp_dir("readonly-home");
    std::fs::write(dir.join("blocker"), b"").unwrap();
    let t = Tmux::start(
        "readonly",
        120,
        30,
        &format!(
            "XDG_STATE_HOME='{}/blocker' XDG_CONFIG_HOME='{}/blocker' {}",
            dir.display(),
            dir.display(),
            bin()
        ),
    );
    t.wait_text("cannot be saved");
    t.keys(&["j", "q"]);
    t.wait_for("exit", |_| t.dead());
}
