//! Entry point: parse the command line and run it. Exit codes: 0 success, 1 a
//! user error (one line on stderr), never a panic's 101.

fn main() -> std::process::ExitCode {
    udkast::cli::main()
}
