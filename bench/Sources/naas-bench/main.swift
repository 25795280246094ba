import Foundation
import NAASCore
import NAASDevice

let args = CommandLine.arguments
let port = Int(args[1])!
let platform = args.count > 2 ? args[2] : "cisco_ios"
let user = args.count > 3 ? args[3] : "admin"
let pass = args.count > 4 ? args[4] : "admin"
let start = ContinuousClock.now
do {
    let s = try DeviceSession(target: .init(host: "127.0.0.1", port: port, platform: platform), credentials: .init(username: user, password: pass, enableSecret: "secret"), connectTimeout: 5, readTimeout: 3)
    print("open", ContinuousClock.now - start, s.currentPrompt ?? "-")
    for c in args.dropFirst(5) { print(try s.run(c).debugDescription) }
} catch { print("ERR", error, ContinuousClock.now - start) }
