import ArgumentParser
import Hummingbird
import Prometheus

print("kafkafleetd: the daemon is not built yet")
