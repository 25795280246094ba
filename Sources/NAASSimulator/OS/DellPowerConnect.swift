extension SimulatedOS {
    /// Dell PowerConnect 6248: SSH lets anyone in, then the CLI asks `User Name:`/`Password:`.
    public static let dellPowerConnect: SimulatedOS = {
        var style = CiscoStyle(name: "dell_powerconnect", versionText: """

            Image Descriptions

             image1 : default image
             image2 :


             Images currently available on Flash

            --------------------------------------------------------------------
             unit      image1      image2     current-active        next-active
            --------------------------------------------------------------------

                1     3.3.18.1    3.3.16.1           image1             image1
            """,
            logLine: "<189> MAR 04 09:{m}:{s} 10.0.0.7-1 TRAPMGR[{n}]: traputil.c(611) {n} %% Link Up: 1/0/{i}")
        style.invalidCommand = "{caret}\n% Invalid input detected at '^' marker."
        style.configure = "configure"
        style.commands = [
            CommandSpec("terminal datadump", .pagingOff("")),
            CommandSpec("terminal length *", .pagingOff("")),
            CommandSpec("show interfaces description", .text("""

                Port      Description
                --------- ---------------------------------------------------------------------
                1/g1      uplink
                1/g2      esx-07-vmnic0
                1/g3      esx-07-vmnic1

                """ + (4...48).map { "1/g\($0)" }.joined(separator: "\n") + "\n"
                + (1...4).map { "1/xg\($0)" }.joined(separator: "\n") + """


                Ch   Description
                ---- -----------
                ch1
                ch2
                """)),
            CommandSpec("show system", .text("""

                System Description: Dell Ethernet Switch
                System Up Time: 84 days, 04h:17m:03s
                System Contact:
                System Name: {host}
                System Location:
                Burned In MAC Address: 0026.B9F1.2233
                System Object ID: 1.3.6.1.4.1.674.10895.3024
                System Model ID: PCT6248
                Machine Type: PowerConnect 6248

                Temp Sensors:

                Unit     Description       Temp (C)    State
                ----     -----------       --------    -----
                1        System            32          Good
                """)),
        ]
        style.saveCommands = ["copy running-config startup-config", "write memory"]
        style.save = SaveSpec(
            questions: [.yesNo("\nThis operation may take a few minutes.\nManagement interfaces will not be available during this time.\n\nAre you sure you want to save? (y/n) ", defaultYes: false, singleKey: true)],
            done: "\nConfiguration Saved!", aborted: "\nConfiguration Not Saved!")
        style.header = "!Current Configuration:\n!System Description \"PowerConnect 6248, 3.3.18.1, VxWorks 6.5\"\n!System Software Version 3.3.18.1\n!Cut-through mode is configured as disabled\n!\nconfigure"
        style.footer = "exit"
        style.initial = [
            "vlan database", "vlan 10,20", "exit", "hostname \"{host}\"", "stack", "member 1 2", "exit",
            "ip address 10.0.0.7 255.255.255.0", "ip default-gateway 10.0.0.1",
            "username \"admin\" password 5f4dcc3b5aa765d61d8327deb882cf99 level 15 encrypted",
            "interface ethernet 1/g1", " description 'uplink'", " exit",
        ]
        style.keywords += ["stack", "member", "exit"]
        style.login.usernamePrompt = "User Name:"
        style.login.passwordPrompt = "Password:"
        style.login.inBandAfterSSH = true
        style.login.failure = "Incorrect User Name or Password"
        style.pager = PagerSpec(prompt: "--More-- or (q)uit", erase: "\r                  \r")
        return style.build()
    }()
}
