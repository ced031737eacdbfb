/// `Config/sim.yaml`'s three ports (status API 9201, rotctld 4533, dish API 9200) replaced in
/// one pass. Replacing them one after another rewrote a port just written whenever a free port
/// began with an old one's digits: a status port of 45331 became "4533" + "1" under the rotctld
/// rewrite (442591), and the daemon refused the configuration.
package func simConfiguration(_ text: String, statusPort: UInt16, rotctldPort: UInt16, dishPort: UInt16) -> String {
    let ports = ["9201": statusPort, "4533": rotctldPort, "9200": dishPort]
    return text.replacing(/port: (9201|4533|9200)\b/) { match in
        ports[String(match.1)].map { "port: \($0)" } ?? String(match.0)
    }
}
