extension SimulatedOS {
    /// A Debian 12 host over OpenSSH with bash: `$` as the user, `sudo -s` for a root shell (`#`).
    ///
    /// Lines typed in the root shell are what changes the host; they end up in root's
    /// shell history, which `sudo cat /root/.bash_history` shows.
    public static let linux: SimulatedOS = {
        var config = ConfigSpec(
            accepted: startingWith([
                "ip", "sysctl", "hostnamectl", "timedatectl", "systemctl", "echo", "printf", "tee", "sed", "cp", "mv",
                "rm", "mkdir", "touch", "chmod", "chown", "ln", "useradd", "usermod", "userdel", "groupadd",
                "apt-get", "apt", "nmcli", "ufw", "iptables", "nft", "ethtool", "cd", "export", "true", "cat",
            ]) + ["true"],
            invalidLine: "-bash: {word}: command not found",
            rendering: .flat(header: "", footer: "", indent: ""))
        config.negation = nil
        config.initial = [
            "apt-get update", "apt-get -y install lldpd ethtool", "systemctl enable --now lldpd",
            "ip link set dev eth1 alias uplink-core1", "sysctl -w net.ipv4.ip_forward=1",
            "hostnamectl set-hostname {host}",
        ]
        // iproute2 leaves a space after the last word of some lines; kept as the host prints them.
        let ipAddresses = """
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                inet 127.0.0.1/8 scope host lo
                   valid_lft forever preferred_lft forever
                inet6 ::1/128 scope host noprefixroute \("")
                   valid_lft forever preferred_lft forever
            2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000
                link/ether 52:54:00:6b:1e:14 brd ff:ff:ff:ff:ff:ff
                altname enp1s0
                inet 10.0.0.14/24 brd 10.0.0.255 scope global eth0
                   valid_lft forever preferred_lft forever
                inet6 fe80::5054:ff:fe6b:1e14/64 scope link \("")
                   valid_lft forever preferred_lft forever
            3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000
                link/ether 52:54:00:6b:1e:15 brd ff:ff:ff:ff:ff:ff
                altname enp2s0
                inet 192.0.2.14/24 brd 192.0.2.255 scope global eth1
                   valid_lft forever preferred_lft forever
            """
        var os = SimulatedOS(
            name: "linux",
            modes: [
                ModeSpec("user", prompt: "{user}@{host}:~$ ", level: .user),
                ModeSpec("root", prompt: "root@{host}:/home/{user}# ", level: .config, parent: "user"),
            ],
            startMode: "user", privilegedStartMode: "root",
            commands: [
                CommandSpec("uname -a", .text("Linux {host} 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64 GNU/Linux")),
                CommandSpec("uname", .text("Linux")),
                CommandSpec("hostname", .text("{host}")),
                CommandSpec("hostnamectl", .version),
                CommandSpec("ip a|addr|address", .text(ipAddresses)),
                CommandSpec("ip a|addr|address show", .text(ipAddresses)),
                CommandSpec("whoami", in: ["user"], .text("{user}")),
                CommandSpec("whoami", in: ["root"], .text("root")),
                CommandSpec("journalctl ...", .longOutput),
                CommandSpec("sudo -s", in: ["user"], .enter("root", password: true)),
                CommandSpec("sudo -i", in: ["user"], .enter("root", password: true)),
                CommandSpec("sudo cat /root/.bash_history", .runningConfig),
                CommandSpec("cat /root/.bash_history", in: ["root"], .runningConfig),
                CommandSpec("exit", .exitMode),
                CommandSpec("logout", .exitMode),
            ],
            config: config,
            invalidCommand: "-bash: {word}: command not found",
            versionText: """
             Static hostname: {host}
                   Icon name: computer-vm
                     Chassis: vm
                  Machine ID: 5f1c0b8e2a9d4c7e9b3a61d2f0e4a7c1
                     Boot ID: 9d2e4f6a8b0c1e3f5a7b9c0d2e4f6a8b
              Virtualization: kvm
            Operating System: Debian GNU/Linux 12 (bookworm)
                      Kernel: Linux 6.1.0-18-amd64
                Architecture: x86-64
             Hardware Vendor: QEMU
              Hardware Model: Standard PC _Q35 + ICH9, 2009_
            Firmware Version: 1.16.2-debian-1.16.2-1
            """,
            logLine: "Mar 04 09:{m}:{s} {host} kernel: e1000e 0000:00:1f.{i}: eth{i}: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None")
        os.logHeader = ""
        os.pager = .none
        os.acceptsAbbreviations = false
        os.passwordPrompt = "[sudo] password for {user}: "
        os.badPassword = "sudo: 1 incorrect password attempt"
        os.login.banner = """
        Linux {host} 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64

        The programs included with the Debian GNU/Linux system are free software;
        the exact distribution terms for each program are described in the
        individual files in /usr/share/doc/*/copyright.

        Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent
        permitted by applicable law.
        Last login: Tue Mar  4 09:12:01 2025 from 10.0.0.50
        """
        os.login.goodbye = "logout"
        return os
    }()
}
