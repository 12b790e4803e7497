package org.tessera.support;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.DataBag;
import org.apache.jena.atlas.data.ThresholdPolicyCount;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.system.SerializationFactoryFinder;

/**
 * A process for {@link ProcessTempFolderTest}: it starts as {@code ./tessera} does, makes
 * Jena spill rows to a {@code DataBag-*.tmp} file, prints its temporary folder, and waits
 * to be stopped or killed.
 */
public final class SpillingProcess {
    private SpillingProcess() {}

    public static void main(String[] args) throws Exception {
        ProcessTempFolder.useForThisProcess();
        DataBag<Binding> bag = BagFactory.newDefaultBag(new ThresholdPolicyCount<>(10),
                SerializationFactoryFinder.bindingSerializationFactory());
        for (int i = 0; i < 100; i++) {
            bag.add(BindingFactory.binding(Var.alloc("row"), NodeFactory.createLiteralString("row " + i)));
        }
        bag.flush();
        System.out.println(System.getProperty("java.io.tmpdir"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
