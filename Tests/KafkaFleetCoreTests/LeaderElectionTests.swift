import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import Testing

@Suite("Leader election")
struct LeaderElectionTests {
    @Test("two replicas racing for leases never both lead a worker, through renewals, a dead leader and a takeover")
    func neverTwoLeaders() async throws {
        let store = InMemoryFleetStore()
        let clock = ManualWallClock()
        let types = ["accepted_kafka", "preparing_kafka", "cluster"]
        let a = LeaseLeaderElector(store: store, holder: "a", workerTypes: types, leaseDuration: .seconds(15), renewInterval: .seconds(5), clock: clock)
        let b = LeaseLeaderElector(store: store, holder: "b", workerTypes: types, leaseDuration: .seconds(15), renewInterval: .seconds(5), clock: clock)
        var aAlive = true
        var leadersSeen: Set<String> = []
        for tick in 0..<60 {
            if tick == 20 { aAlive = false }
            if tick == 40 { aAlive = true }
            if aAlive { await a.renewOnce() }
            await b.renewOnce()
            for type in types {
                let aLeads = await a.isLeader(of: type)
                let bLeads = await b.isLeader(of: type)
                #expect(!(aLeads && bLeads), "both lead \(type) at tick \(tick)")
                if aLeads { leadersSeen.insert("a") }
                if bLeads { leadersSeen.insert("b") }
            }
            clock.advance(by: .seconds(1))
        }
        #expect(leadersSeen == ["a", "b"], "the lease moved to the survivor after the leader stopped renewing")
    }

    @Test("a replica that cannot renew stops leading before its lease expires")
    func stopsBeforeExpiry() async throws {
        let store = InMemoryFleetStore()
        let clock = ManualWallClock()
        let elector = LeaseLeaderElector(store: store, holder: "a", workerTypes: ["cluster"], leaseDuration: .seconds(15),
                                         renewInterval: .seconds(5), clock: clock)
        await elector.renewOnce()
        #expect(await elector.isLeader(of: "cluster"))
        let expires = try #require(await store.lease("cluster")).expires

        clock.advance(by: .seconds(10))

        #expect(!(await elector.isLeader(of: "cluster")))
        #expect(clock.now() < expires)
    }

    @Test("a released lease is taken by another replica at once")
    func release() async throws {
        let store = InMemoryFleetStore()
        let clock = ManualWallClock()
        let a = LeaseLeaderElector(store: store, holder: "a", workerTypes: ["cluster"], clock: clock)
        let b = LeaseLeaderElector(store: store, holder: "b", workerTypes: ["cluster"], clock: clock)
        await a.renewOnce()
        await b.renewOnce()
        #expect(!(await b.isLeader(of: "cluster")))

        await a.releaseAll()
        await b.renewOnce()

        #expect(await b.isLeader(of: "cluster"))
        #expect(!(await a.isLeader(of: "cluster")))
    }
}
