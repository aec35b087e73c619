import ArgumentParser

/// The `marsad` command line: Arabic news in, structured political events out.
@main
struct Marsad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marsad",
        abstract: "Marsad (مرصد) reads Arabic news and turns it into structured, source-attributed events.",
        discussion: """
        Exit codes: 0 ok, 64 usage error, 65 bad input data (the message names the file and offset), \
        66 missing input file.
        """,
        subcommands: [
            SegmentCommand.self, TokenizeCommand.self, SentencesCommand.self, DatesCommand.self, NERCommand.self, EntitiesCommand.self, ExtractCommand.self, IngestCommand.self, ReprocessCommand.self, ExportCommand.self, ServeCommand.self, WorkerCommand.self, JobsCommand.self,
            EvalCommand.self, TrainCommand.self, BenchCommand.self,
        ]
    )
}
