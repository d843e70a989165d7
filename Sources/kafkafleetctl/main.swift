import ArgumentParser

print("kafkafleetctl: the CLI is not built yet")
