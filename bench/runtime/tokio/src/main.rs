//! The runtime workloads of bench/runtime on tokio, two worker threads.
//! Usage: tokio-bench <workload>; prints `<workload> <ns_per_op> <max_rss_kib>`
//! (the format of asyncrt_bench.cpp and asio_bench.cpp).

use std::sync::Arc;
use std::time::{Duration, Instant};

const SPAWN_MANY: usize = 200_000;
const CHAIN_DEPTH: usize = 1_000;
const CHAIN_REPEATS: usize = 100;
const YIELD_TASKS: usize = 200;
const YIELDS_PER_TASK: usize = 1_000;
const PING_PONGS: usize = 100_000;
const MUTEX_TASKS: usize = 8;
const MUTEX_LOCKS_PER_TASK: usize = 20_000;
const BLOCKING_BATCHES: usize = 100;
const BLOCKING_BATCH: usize = 100;
const FILE_BYTES: usize = 1 << 20;
const FILE_ROUNDS: usize = 50;
const SLEEPERS: usize = 1_000_000;
const SLEEP: Duration = Duration::from_secs(2);

/// The peak RSS of this program: VmHWM of /proc/self/status. (getrusage's
/// ru_maxrss would not do: Linux carries it over fork and exec, so a small
/// program would report the peak of the Python script that started it.)
fn max_rss_kib() -> i64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l[6..].trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(-1)
}

fn chain(depth: usize) -> std::pin::Pin<Box<dyn std::future::Future<Output = usize> + Send>> {
    Box::pin(async move {
        if depth == 0 {
            0
        } else {
            tokio::spawn(chain(depth - 1)).await.unwrap() + 1
        }
    })
}

async fn spawn_many() -> usize {
    let handles: Vec<_> = (0..SPAWN_MANY).map(|i| tokio::spawn(async move { i })).collect();
    let mut sum = 0;
    for h in handles {
        sum += h.await.unwrap();
    }
    assert_eq!(sum, SPAWN_MANY * (SPAWN_MANY - 1) / 2);
    SPAWN_MANY
}

async fn chained_spawn() -> usize {
    for _ in 0..CHAIN_REPEATS {
        assert_eq!(chain(CHAIN_DEPTH).await, CHAIN_DEPTH);
    }
    CHAIN_DEPTH * CHAIN_REPEATS
}

async fn yield_many() -> usize {
    let handles: Vec<_> = (0..YIELD_TASKS)
        .map(|_| {
            tokio::spawn(async {
                for _ in 0..YIELDS_PER_TASK {
                    tokio::task::yield_now().await;
                }
            })
        })
        .collect();
    for h in handles {
        h.await.unwrap();
    }
    YIELD_TASKS * YIELDS_PER_TASK
}

async fn ping_pong() -> usize {
    let (ping_tx, mut ping_rx) = tokio::sync::mpsc::channel::<usize>(1);
    let (pong_tx, mut pong_rx) = tokio::sync::mpsc::channel::<usize>(1);
    let echo = tokio::spawn(async move {
        while let Some(v) = ping_rx.recv().await {
            pong_tx.send(v).await.unwrap();
        }
    });
    for i in 0..PING_PONGS {
        ping_tx.send(i).await.unwrap();
        assert_eq!(pong_rx.recv().await, Some(i));
    }
    drop(ping_tx);
    echo.await.unwrap();
    PING_PONGS
}

async fn mutex_contention() -> usize {
    let counter = Arc::new(tokio::sync::Mutex::new(0usize));
    let handles: Vec<_> = (0..MUTEX_TASKS)
        .map(|_| {
            let counter = counter.clone();
            tokio::spawn(async move {
                for _ in 0..MUTEX_LOCKS_PER_TASK {
                    *counter.lock().await += 1;
                }
            })
        })
        .collect();
    for h in handles {
        h.await.unwrap();
    }
    assert_eq!(*counter.lock().await, MUTEX_TASKS * MUTEX_LOCKS_PER_TASK);
    MUTEX_TASKS * MUTEX_LOCKS_PER_TASK
}

async fn spawn_blocking() -> usize {
    for _ in 0..BLOCKING_BATCHES {
        let handles: Vec<_> = (0..BLOCKING_BATCH).map(|i| tokio::task::spawn_blocking(move || i * 2)).collect();
        for h in handles {
            h.await.unwrap();
        }
    }
    BLOCKING_BATCHES * BLOCKING_BATCH
}

async fn file_io() -> usize {
    let path = std::env::temp_dir().join(format!("tokio-bench-{}.bin", std::process::id()));
    let contents = "x".repeat(FILE_BYTES);
    for _ in 0..FILE_ROUNDS {
        tokio::fs::write(&path, contents.as_bytes()).await.unwrap();
        let back = tokio::fs::read(&path).await.unwrap();
        assert_eq!(back.len(), FILE_BYTES);
    }
    tokio::fs::remove_file(&path).await.unwrap();
    FILE_ROUNDS
}

async fn sleepers() -> usize {
    let handles: Vec<_> = (0..SLEEPERS).map(|_| tokio::spawn(tokio::time::sleep(SLEEP))).collect();
    for h in handles {
        h.await.unwrap();
    }
    SLEEPERS
}

fn main() {
    let workload = std::env::args().nth(1).expect("usage: tokio-bench <workload>");
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_time().build().unwrap();
    let start = Instant::now();
    let ops = rt.block_on(async {
        match workload.as_str() {
            "spawn_many" => spawn_many().await,
            "chained_spawn" => chained_spawn().await,
            "yield_many" => yield_many().await,
            "ping_pong" => ping_pong().await,
            "mutex_contention" => mutex_contention().await,
            "spawn_blocking" => spawn_blocking().await,
            "file_io" => file_io().await,
            "sleep_1m" => sleepers().await,
            other => {
                eprintln!("tokio-bench: unknown workload '{}'", other);
                std::process::exit(2);
            }
        }
    });
    let elapsed = start.elapsed();
    println!("{} {:.1} {}", workload, elapsed.as_nanos() as f64 / ops as f64, max_rss_kib());
}
